import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { hashAuditEvent, recordAudit, type AuditChange } from "../../src/core/audit.js";
import { fixedClock } from "../../src/core/clock.js";
import { sealPending } from "../../src/features/audit-trail/seal-chain.js";
import { describeVerification, verifyAuditChain } from "../../src/features/audit-trail/verify-chain.js";
import { ChainSealer } from "../../src/features/audit-trail/chain-sealer.js";
import { eraseAuditFields } from "../../src/features/audit-trail/erase-audit-fields.js";
import { createLogger } from "../../src/log/logger.js";
import { connectPlainClient, openMigratedDatabase, type MigratedDatabase } from "./support/migrated-database.js";

let db: MigratedDatabase;
const clock = fixedClock(new Date("2026-12-01T09:00:00.000Z"));
const change = (n: number): AuditChange => ({
  actor: { channel: "teams", id: `AAD-${n}` },
  action: "request.submitted",
  entityType: "ai_tool_request",
  entityId: `REQ-${n}`,
  after: { n },
  controls: ["A.9.2"],
});
const append = (n: number) => db.database.prisma.$transaction((tx) => recordAudit(tx, clock, change(n)));
const prisma = () => db.database.prisma;

beforeAll(async () => {
  db = await openMigratedDatabase();
});
afterAll(async () => {
  await db?.close();
});

/** Runs SQL on the audit table with the append-only trigger switched off, as an attacker with DDL rights could. */
async function tamper(sql: string, ...values: unknown[]) {
  await prisma().$transaction(async (tx) => {
    await tx.$executeRawUnsafe(`ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_append_only"`);
    await tx.$executeRawUnsafe(sql, ...values);
    await tx.$executeRawUnsafe(`ALTER TABLE "AuditEvent" ENABLE TRIGGER "AuditEvent_append_only"`);
  });
}

async function chainState() {
  const events = await prisma().auditEvent.findMany({ orderBy: { sealSeq: "asc" } });
  return { events, seqs: events.map((event) => event.sealSeq) };
}

describe("appending and sealing the audit chain", () => {
  beforeEach(async () => {
    await sealPending(prisma(), { wait: true });
  });

  it("seals concurrent appends, with two sealers racing, into one unbroken chain, each event exactly once", async () => {
    const before = await prisma().auditEvent.count();
    let appending = true;
    const sealer = async () => {
      let sealed = 0;
      while (appending) sealed += (await sealPending(prisma(), { batchSize: 7 })).sealed;
      return sealed;
    };
    const sealers = [sealer(), sealer()];
    await Promise.all(Array.from({ length: 120 }, (_, i) => append(1000 + i)));
    appending = false;
    const sealedByRacers = (await Promise.all(sealers)).reduce((sum, n) => sum + n, 0);
    const last = await sealPending(prisma(), { wait: true });

    expect(sealedByRacers + last.sealed).toBe(120);
    const { events, seqs } = await chainState();
    expect(events).toHaveLength(before + 120);
    expect(seqs).toEqual(events.map((_, i) => i + 1));
    expect(await verifyAuditChain(prisma(), { batchSize: 50 })).toMatchObject({ ok: true, eventCount: before + 120, staleUnsealed: 0 });
  }, 120_000);

  it("leaves no event behind a rolled-back transaction", async () => {
    const before = await prisma().auditEvent.count();
    await expect(
      prisma().$transaction(async (tx) => {
        await recordAudit(tx, clock, change(1));
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await sealPending(prisma(), { wait: true })).toMatchObject({ sealed: 0 });
    expect(await prisma().auditEvent.count()).toBe(before);
  });

  it("seals an event whose lower id commits after a higher one in commit order, after it", async () => {
    // What a slow transaction looks like to the sealer: its id was taken first, its row becomes visible last.
    const [{ id: lateId }] = await prisma().$queryRaw<{ id: number }[]>`SELECT nextval(pg_get_serial_sequence('"AuditEvent"', 'id'))::int AS id`;
    await append(2);
    await sealPending(prisma());
    const published = await verifyAuditChain(prisma());
    if (!published.ok || !published.head) throw new Error("no head");
    await prisma().$executeRaw`SELECT setval(pg_get_serial_sequence('"AuditEvent"', 'id'), ${lateId}, false)`;
    await append(3);
    await prisma().$executeRaw`SELECT setval(pg_get_serial_sequence('"AuditEvent"', 'id'), (SELECT max("id") FROM "AuditEvent"))`;
    await sealPending(prisma());

    const { events } = await chainState();
    expect(events.slice(-2).map((event) => event.entityId)).toEqual(["REQ-2", "REQ-3"]);
    expect(events.at(-1)!.id).toBeLessThan(events.at(-2)!.id);
    // A head published before the late event (in an audit pack) is still found, though the chain now ends at a lower id.
    expect(await verifyAuditChain(prisma(), { expectedHead: published.head })).toMatchObject({ ok: true, staleUnsealed: 0 });
  });

  it("reports an event left unsealed for over a minute, and how long it waited once sealed", async () => {
    await append(6);
    await tamper(`UPDATE "AuditEvent" SET "recordedAt" = "recordedAt" - interval '2 minutes' WHERE "sealSeq" IS NULL`);
    const result = await verifyAuditChain(prisma());
    expect(result).toMatchObject({ ok: true, staleUnsealed: 1 });
    expect(describeVerification(result)).toContain("WARNING: 1 event(s) waited more than 60 s to be sealed into the chain.");

    const sealing = await sealPending(prisma());
    expect(sealing.sealed).toBe(1);
    expect(sealing.longestWaitMs).toBeGreaterThan(120_000);
    expect(await verifyAuditChain(prisma())).toMatchObject({ ok: true, staleUnsealed: 0 });
  });

  it("is kept sealed by the app's sealer shortly after each commit", async () => {
    const sealer = new ChainSealer({ prisma: prisma(), logger: createLogger("silent"), intervalMs: 20 });
    sealer.start();
    try {
      await append(7);
      await vi.waitFor(async () => expect(await prisma().auditEvent.count({ where: { sealSeq: null } })).toBe(0), { timeout: 5000, interval: 20 });
    } finally {
      await sealer.stop();
    }
    expect(await verifyAuditChain(prisma())).toMatchObject({ ok: true });
  });

  it("lets the database change nothing but the sealing of an unsealed event", async () => {
    await append(4);
    const refusals = await db.whileDisconnected(async () => {
      const client = await connectPlainClient(db.url);
      try {
        const attempts = [
          `UPDATE "AuditEvent" SET "action" = 'x' WHERE "sealSeq" IS NULL`,
          `UPDATE "AuditEvent" SET "hash" = 'x', "prevHash" = 'y', "sealSeq" = 0 WHERE "sealSeq" = 1`,
        ];
        const messages: string[] = [];
        for (const sql of attempts) messages.push(await client.query(sql).then(() => "allowed", (error: Error) => error.message));
        return messages;
      } finally {
        await client.end();
      }
    });
    expect(refusals).toEqual(["AuditEvent is append-only: UPDATE is not allowed", "AuditEvent is append-only: UPDATE is not allowed"]);
  });
});

describe("verifying a sealed chain", () => {
  beforeEach(async () => {
    await sealPending(prisma(), { wait: true });
  });

  const middle = async () => {
    const { events } = await chainState();
    return events.slice(-5);
  };

  it("detects a reordered pair of events", async () => {
    const [, second, third] = await middle();
    await tamper(`UPDATE "AuditEvent" SET "sealSeq" = -1 WHERE "id" = $1`, second.id);
    await tamper(`UPDATE "AuditEvent" SET "sealSeq" = $1 WHERE "id" = $2`, second.sealSeq, third.id);
    await tamper(`UPDATE "AuditEvent" SET "sealSeq" = $1 WHERE "id" = $2`, third.sealSeq, second.id);
    expect(await verifyAuditChain(prisma())).toMatchObject({ ok: false, brokenAt: { eventId: third.id } });

    await tamper(`UPDATE "AuditEvent" SET "sealSeq" = -1 WHERE "id" = $1`, second.id);
    await tamper(`UPDATE "AuditEvent" SET "sealSeq" = $1 WHERE "id" = $2`, third.sealSeq, third.id);
    await tamper(`UPDATE "AuditEvent" SET "sealSeq" = $1 WHERE "id" = $2`, second.sealSeq, second.id);
    expect(await verifyAuditChain(prisma())).toMatchObject({ ok: true });
  });

  it("still verifies once an actor id is erased with its salt, and detects an actor id swapped for another", async () => {
    const [, victim] = await middle();
    await tamper(`UPDATE "AuditEvent" SET "actorId" = 'AAD-someone-else' WHERE "id" = $1`, victim.id);
    const swapped = await verifyAuditChain(prisma());
    expect(swapped).toMatchObject({ ok: false, brokenAt: { eventId: victim.id } });
    if (!swapped.ok) expect(swapped.brokenAt.problem).toMatch(/does not match the actor the event committed to/);

    await tamper(`UPDATE "AuditEvent" SET "actorId" = NULL, "actorSalt" = NULL WHERE "id" = $1`, victim.id);
    expect(await verifyAuditChain(prisma())).toMatchObject({ ok: true });
  });

  it("still verifies once a person's fields are erased from an event, and detects any other edit of it", async () => {
    const named = (id: string) => ({ ...change(7), actor: { channel: "slack" as const, id }, after: { requesterId: id, requesterName: `Name of ${id}`, toolName: "Copilot", owner: { channel: "slack", id } } });
    await prisma().$transaction((tx) => recordAudit(tx, clock, named("UERASE")));
    await prisma().$transaction((tx) => recordAudit(tx, clock, named("UKEEP")));
    await sealPending(prisma(), { wait: true });
    const [erased, kept] = await prisma().auditEvent.findMany({ where: { actorId: { in: ["UERASE", "UKEEP"] } }, orderBy: { id: "asc" } });
    expect(erased.hashVersion).toBe(3);

    // An edit of a personal field that still has its salt is caught like any other.
    await tamper(`UPDATE "AuditEvent" SET "after" = jsonb_set("after", '{requesterName}', '"Someone else"') WHERE "id" = $1`, kept.id);
    const swapped = await verifyAuditChain(prisma());
    expect(swapped).toMatchObject({ ok: false, brokenAt: { eventId: kept.id } });
    if (!swapped.ok) expect(swapped.brokenAt.problem).toMatch(/personal field after\/requesterName does not match/);
    await tamper(`UPDATE "AuditEvent" SET "after" = $1::jsonb WHERE "id" = $2`, JSON.stringify(kept.after), kept.id);

    const replace = (value: unknown) => (JSON.stringify(value).includes("UERASE") ? "Former employee 0001" : undefined);
    const report = await prisma().$transaction((tx) =>
      eraseAuditFields(tx, { eventIds: [erased.id, kept.id], replace, eraseActor: (actor) => actor.id === "UERASE" }),
    );
    expect(report).toEqual({ erased: 1, kept: 0, fields: { [erased.id]: ["after/owner", "after/requesterId", "after/requesterName"] } });
    const after = await prisma().auditEvent.findUniqueOrThrow({ where: { id: erased.id } });
    expect(after).toMatchObject({ actorId: null, actorSalt: null, actorCommitment: erased.actorCommitment });
    expect(after.after).toEqual({ requesterId: "Former employee 0001", requesterName: "Former employee 0001", toolName: "Copilot", owner: "Former employee 0001" });
    expect(JSON.stringify(after)).not.toContain("UERASE");
    expect(await prisma().auditEvent.findUniqueOrThrow({ where: { id: kept.id } })).toEqual(kept);

    // Salts removed with no erasure in the chain listing them look like an edit hidden by removing a salt.
    await sealPending(prisma(), { wait: true });
    const unrecorded = await verifyAuditChain(prisma());
    expect(unrecorded).toMatchObject({ ok: false, brokenAt: { eventId: erased.id } });
    if (!unrecorded.ok) expect(unrecorded.brokenAt.problem).toMatch(/no erasure in the chain lists it/);
    await prisma().$transaction((tx) =>
      recordAudit(tx, clock, { actor: null, action: "person.erased", entityType: "person", entityId: "p-1", after: { erasedFields: report.fields }, controls: [] }),
    );
    await sealPending(prisma(), { wait: true });
    expect(await verifyAuditChain(prisma())).toMatchObject({ ok: true });

    // Outside an erasure the database refuses the same change; inside one it still refuses touching anything else.
    await expect(prisma().$executeRaw`UPDATE "AuditEvent" SET "actorId" = NULL, "actorSalt" = NULL WHERE "id" = ${kept.id}`).rejects.toThrow(/append-only/);
    await expect(
      prisma().$transaction(async (tx) => {
        await tx.$executeRaw`SELECT set_config('aims.erasing', 'on', true)`;
        await tx.$executeRaw`UPDATE "AuditEvent" SET "action" = 'request.approved' WHERE "id" = ${erased.id}`;
      }),
    ).rejects.toThrow(/append-only/);

    // Another field of the erased event, edited: its hash no longer matches.
    await tamper(`UPDATE "AuditEvent" SET "after" = jsonb_set("after", '{toolName}', '"ChatGPT"') WHERE "id" = $1`, erased.id);
    expect(await verifyAuditChain(prisma())).toMatchObject({ ok: false, brokenAt: { eventId: erased.id } });
    await tamper(`UPDATE "AuditEvent" SET "after" = $1::jsonb WHERE "id" = $2`, JSON.stringify(after.after), erased.id);
    // Its commitments, edited: likewise.
    await tamper(`UPDATE "AuditEvent" SET "personalFields" = jsonb_set("personalFields", '{after/requesterName,c}', '"0"') WHERE "id" = $1`, erased.id);
    expect(await verifyAuditChain(prisma())).toMatchObject({ ok: false, brokenAt: { eventId: erased.id } });
    await tamper(`UPDATE "AuditEvent" SET "personalFields" = $1::jsonb WHERE "id" = $2`, JSON.stringify(after.personalFields), erased.id);
    expect(await verifyAuditChain(prisma())).toMatchObject({ ok: true });
  });

  it("detects an event inserted between two others, even one hashed the way the sealer would", async () => {
    const [, second, third, fourth, fifth] = await middle();
    const shifted = [fifth, fourth, third];
    for (const event of shifted) await tamper(`UPDATE "AuditEvent" SET "sealSeq" = "sealSeq" + 1 WHERE "id" = $1`, event.id);
    // A forged event hashed into the gap the way the sealer would: it fits after the event before it, not before the next.
    await append(5);
    const forged = await prisma().auditEvent.findFirstOrThrow({ where: { sealSeq: null } });
    const link = { sealSeq: third.sealSeq!, prevHash: second.hash! };
    const forgedHash = hashAuditEvent(forged, link);
    // prevHash is unique (no forks): the next event must be made to point at the forgery, which changes its hash.
    await tamper(`UPDATE "AuditEvent" SET "prevHash" = $1 WHERE "id" = $2`, forgedHash, third.id);
    await tamper(`UPDATE "AuditEvent" SET "sealSeq" = $1, "prevHash" = $2, "hash" = $3 WHERE "id" = $4`, link.sealSeq, link.prevHash, forgedHash, forged.id);

    const result = await verifyAuditChain(prisma());
    expect(result).toMatchObject({ ok: false, eventCount: third.sealSeq, brokenAt: { eventId: third.id } });
  });
});
