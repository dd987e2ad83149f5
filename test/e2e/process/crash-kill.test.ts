import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Prisma } from "../../../src/db/database.js";
import { createLogger } from "../../../src/log/logger.js";
import { APPROVALS_CHANNEL, APPROVERS, EMPLOYEE, slackDriver, slackTestEnv, type SlackTestSide } from "../../support/aims-harness.js";
import { type AimsProcess, startAimsProcess } from "../../support/aims-process.js";
import { type FakeSlack, type FakeSlackCall, startFakeSlack } from "../../support/fake-slack/index.js";
import { buttonValue, clickDecision, decisionIds, openRequestModal, submitRequest } from "../../support/request-steps.js";
import { requestFormState, VALID_REQUEST } from "../../support/request-form-state.js";
import { SAVING_TEXT } from "../../../src/channels/slack/conversation/capability-forms.js";
import { eventually } from "../../support/eventually.js";
import { scrapeMetrics } from "../../support/metrics-text.js";
import { createTestDatabase, type TestDatabase } from "../../support/test-database.js";

// The bot as its own process on a database that outlives it: PGlite in a data directory, or a PostgreSQL database
// of its own when the suite runs on PostgreSQL (DATABASE_URL).
let fake: FakeSlack;
let dataDir: string;
let server: TestDatabase | undefined;
let bot: AimsProcess | undefined;
const side: SlackTestSide = {
  get fake() {
    return fake;
  },
  slack: slackDriver(() => bot!.url),
};

beforeAll(async () => {
  fake = await startFakeSlack();
  dataDir = await mkdtemp(path.join(tmpdir(), "aims-crash-"));
  if (process.env.DATABASE_URL) server = await createTestDatabase();
});
afterAll(async () => {
  await bot?.kill();
  await fake?.close();
  await server?.drop();
  await rm(dataDir, { recursive: true, force: true });
});

const METRICS_TOKEN = "crash-test-metrics-token-0123456789";

async function startBot(env: Record<string, string> = {}): Promise<AimsProcess> {
  const database = server ? { DATABASE_URL: server.url } : { DATA_DIR: dataDir };
  bot = await startAimsProcess({ ...database, ...slackTestEnv(fake), METRICS_TOKEN, ...env });
  return bot;
}

/** Waits until the outbox has nothing left to deliver, as the running bot's metrics report it. */
async function outboxEmpty(timeoutMs = 30_000) {
  await eventually(async () => expect(await scrapeMetrics(bot!.url, METRICS_TOKEN)).toMatch(/^aims_outbox_pending_deliveries 0$/m), timeoutMs, 100);
}

/** Reads the database while no bot runs (the embedded one admits one process at a time). */
async function inDatabase<T>(read: (prisma: Prisma) => Promise<T>): Promise<T> {
  const database = await openDatabase({ url: server?.url, dataDir, poolSize: 1, connectTimeoutMs: 5000 }, createLogger("silent"));
  try {
    return await read(database.prisma);
  } finally {
    await database.close();
  }
}

const textOf = (call: FakeSlackCall) => JSON.stringify(call.args.blocks ?? call.args.text);
const toRequester = (reference: string, words: string) => (args: Record<string, unknown>) =>
  args.channel === EMPLOYEE && String(args.text).includes(reference) && String(args.text).includes(words);

describe("killed between committing a decision and telling Slack", () => {
  it("after a restart updates the approvals message and tells the requester exactly once; the outbox empties", async () => {
    await startBot();
    const { reference, approvalTs } = await submitRequest(side, EMPLOYEE);
    await fake.waitFor("chat.postMessage", (c) => toRequester(reference, "is with the approvers")(c.args) && c.response.ok === true, 30_000);
    const approval = fake.callsTo("chat.postMessage").find((c) => c.args.channel === APPROVALS_CHANNEL && String(c.response.ts) === approvalTs)!;
    await outboxEmpty();

    // Slack updates the approvals message, but its answer is lost in the crash; the DM has not reached Slack yet.
    const updateHeld = fake.holdNext("chat.update", { match: (args) => args.ts === approvalTs, applied: true, timeoutMs: 30_000 });
    const dmHeld = fake.holdNext("chat.postMessage", { match: toRequester(reference, "approved"), timeoutMs: 30_000 });
    await clickDecision(side, APPROVERS[0], decisionIds.approve, buttonValue(approval, decisionIds.approve), approvalTs);
    await Promise.all([updateHeld, dmHeld]);
    await bot!.kill();

    const left = await inDatabase(async (prisma) => ({
      decisions: await prisma.requestDecision.count({ where: { request: { reference } } }),
      // The two held calls' deliveries; the settlement of the stage's reminders (none sent yet) may already be done.
      deliveries: await prisma.outboxDelivery.findMany({ where: { subscriber: { in: ["slack.approvals", "slack.requester"] } }, select: { handler: true, status: true }, orderBy: { handler: "asc" } }),
    }));
    expect(left).toEqual({
      decisions: 1,
      deliveries: [
        { handler: "slack.approvals/request.decided", status: "pending" },
        { handler: "slack.requester/request.decided", status: "pending" },
      ],
    });

    await startBot();
    const updates = () => fake.callsTo("chat.update").filter((c) => c.args.ts === approvalTs && c.response.ok === true);
    await eventually(() => expect(updates()).toHaveLength(2), 30_000, 100);
    await fake.waitFor("chat.postMessage", (c) => toRequester(reference, "approved")(c.args) && c.response.ok === true, 30_000);
    await outboxEmpty();

    // The update whose answer was lost is made again: the same message, rendered the same from the database.
    const [lost, again] = updates();
    expect(textOf(again)).toContain(`*Approved* by <@${APPROVERS[0]}>`);
    expect(again.args.blocks).toEqual(lost.args.blocks);
    expect(fake.messages(APPROVALS_CHANNEL).filter((m) => m.ts === approvalTs)).toEqual([expect.objectContaining({ blocks: again.args.blocks })]);
    // The DM Slack never got is sent once.
    expect(fake.callsTo("chat.postMessage").filter((c) => toRequester(reference, "approved")(c.args))).toHaveLength(1);
    expect(fake.messages(EMPLOYEE).filter((m) => toRequester(reference, "approved")({ channel: EMPLOYEE, text: m.text }))).toHaveLength(1);
  }, 120_000);
});

describe("killed while saving a form it acknowledged with Saving…", () => {
  // The embedded database lives inside the bot's process: only a server lets the test hold the save back.
  it.skipIf(!process.env.DATABASE_URL)("a restarted bot saves it and shows the receipt in the modal, filing it once", async () => {
    await bot?.kill();
    await startBot({ SLACK_FORM_SAVE_WAIT_MS: "0" });
    const view = await openRequestModal(side, EMPLOYEE);
    const toolName = "Saved after a crash";
    const holder = new pg.Client({ connectionString: server!.url });
    await holder.connect();
    await holder.query("BEGIN");
    // New requests wait for this lock; the form's stand-by record (another table) does not.
    await holder.query('LOCK TABLE "AiToolRequest" IN SHARE ROW EXCLUSIVE MODE');
    const response = await side.slack.submitView(EMPLOYEE, { ...view, state: { values: requestFormState({ ...VALID_REQUEST, toolName }) } });
    expect(JSON.stringify(await response.json())).toContain(SAVING_TEXT);
    await bot!.kill();
    await holder.query("ROLLBACK");
    await holder.end();

    const standing = await inDatabase(async (prisma) => {
      expect(await prisma.aiToolRequest.count({ where: { toolName } })).toBe(0);
      // Time passes: the record falls due to any replica (30 s after it was written).
      return (await prisma.outboxDelivery.updateMany({ where: { event: "slack.form.saving" }, data: { availableAt: null } })).count;
    });
    expect(standing).toBe(1);

    await startBot();
    const updated = await fake.waitFor("views.update", (call) => call.args.view_id === view.id && call.response.ok === true, 30_000);
    const filed = await inDatabase((prisma) => prisma.aiToolRequest.findMany({ where: { toolName } }));
    expect(filed).toHaveLength(1);
    expect(JSON.stringify(updated.args.view)).toContain(filed[0]!.reference);
    await outboxEmpty();
  }, 120_000);
});
