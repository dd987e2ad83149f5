import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemClock } from "../../src/core/clock.js";
import { EventBus } from "../../src/core/events.js";
import { UNUSED_REFERENCE_ACTION } from "../../src/core/references.js";
import { rolesInDatabase } from "../support/roles.js";
import { openDatabase, type Database } from "../../src/db/database.js";
import { sealPending } from "../../src/features/audit-trail/seal-chain.js";
import { verifyAuditChain } from "../../src/features/audit-trail/verify-chain.js";
import { RequestService } from "../../src/features/requests/request-service.js";
import { createLogger } from "../../src/log/logger.js";
import { VALID_REQUEST } from "../support/request-form-state.js";
import { createTestDatabase, type TestDatabase } from "../support/test-database.js";

const logger = createLogger("silent");
// The embedded database serves one connection at a time.
const POOL_SIZE = process.env.DATABASE_URL ? 8 : 1;
const SUBMISSIONS = 40;
const actor = { channel: "slack" as const, id: "UREFS", name: "Ref Tester" };
const numberOf = (reference: string) => Number(reference.split("-")[1]);
const timeout = (ms: number) => new Promise<"timed out">((resolve) => setTimeout(() => resolve("timed out"), ms));
async function until(condition: () => boolean) {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 10));
}

/** Submission keys whose transaction waits, at its last write, for the promise given (taken off once reached). */
const held = new Map<string, Promise<void>>();
class HoldingEvents extends EventBus {
  override async record(...args: Parameters<EventBus["record"]>): Promise<void> {
    const [, , payload] = args;
    const key = "request" in payload ? payload.request.submissionKey : undefined;
    const hold = key ? held.get(key) : undefined;
    if (key && hold) {
      held.delete(key);
      await hold;
    }
    return super.record(...args);
  }
}

describe("references handed out to concurrent submissions", () => {
  let testDatabase: TestDatabase;
  let database: Database;
  let requests: RequestService;
  beforeAll(async () => {
    testDatabase = await createTestDatabase({ migrated: true });
    database = await openDatabase({ url: testDatabase.url, dataDir: "unused", poolSize: POOL_SIZE, connectTimeoutMs: 5000 }, logger);
    const { prisma } = database;
    requests = new RequestService({ prisma, clock: systemClock, roles: await rolesInDatabase(prisma, systemClock), events: new HoldingEvents(prisma, logger), registerReviewMonths: 12 });
  });
  afterAll(async () => {
    await database?.close();
    await testDatabase?.drop();
  });

  it("gives every one of them a distinct reference, in increasing order of allocation", async () => {
    const results = await Promise.all(Array.from({ length: SUBMISSIONS }, (_, i) => requests.submit(actor, VALID_REQUEST, `refs-${i}`)));
    const references = results.map((result) => (result.ok ? result.request.reference : "refused"));
    expect(new Set(references).size).toBe(SUBMISSIONS);
    const numbers = references.map(numberOf).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: SUBMISSIONS }, (_, i) => i + 1));
  }, 60_000);

  // The embedded database has one connection: there, submissions take turns whatever the counter does.
  it.runIf(process.env.DATABASE_URL)("does not hold the counter while another submission's transaction is still open", async () => {
    let finishSlow!: () => void;
    const slowMayFinish = new Promise<void>((resolve) => {
      finishSlow = resolve;
    });
    held.set("refs-held-open", slowMayFinish);
    const slow = requests.submit(actor, VALID_REQUEST, "refs-held-open");
    await until(() => held.size === 0);
    // With the counter locked until the held submission commits, this one would wait for it, and time out.
    const quick = await Promise.race([requests.submit(actor, VALID_REQUEST, "refs-while-another-is-open"), timeout(5_000)]);
    finishSlow();
    const slowReference = await slow.then((result) => (result.ok ? result.request.reference : "refused"));
    expect(quick !== "timed out" && quick.ok).toBe(true);
    expect(numberOf(quick !== "timed out" && quick.ok ? quick.request.reference : "refused")).toBeGreaterThan(numberOf(slowReference));
  }, 20_000);

  it("leaves a gap when a submission rolls back, explained by an audit event in the verified chain", async () => {
    const { prisma } = database;
    // A Slack retry racing the first delivery of the same form: both take a number, only one request is stored.
    const racing = await Promise.allSettled([requests.submit(actor, VALID_REQUEST, "refs-retried"), requests.submit(actor, VALID_REQUEST, "refs-retried")]);
    expect(racing.filter((result) => result.status === "rejected")).toHaveLength(1);
    const stored = await prisma.aiToolRequest.findUniqueOrThrow({ where: { submissionKey: "refs-retried" } });
    const unused = await prisma.auditEvent.findMany({ where: { action: UNUSED_REFERENCE_ACTION } });
    expect(unused).toHaveLength(1);
    const gap = unused[0].entityId;
    expect(numberOf(gap)).not.toBe(numberOf(stored.reference));
    expect(await prisma.aiToolRequest.findUnique({ where: { reference: gap } })).toBeNull();

    const next = await requests.submit(actor, VALID_REQUEST, "refs-after-the-gap");
    expect(numberOf(next.ok ? next.request.reference : "refused")).toBe(Math.max(numberOf(gap), numberOf(stored.reference)) + 1);
    await sealPending(prisma, { wait: true });
    expect((await verifyAuditChain(prisma)).ok).toBe(true);
  }, 30_000);
});
