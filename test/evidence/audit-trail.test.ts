import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordAudit } from "../../src/core/audit.js";
import { fixedClock } from "../../src/core/clock.js";
import { sealPending } from "../../src/features/audit-trail/seal-chain.js";
import { verifyAuditChain } from "../../src/features/audit-trail/verify-chain.js";
import { connectPlainClient, openMigratedDatabase, type MigratedDatabase } from "./support/migrated-database.js";
import { runCli } from "./support/run-cli.js";

let db: MigratedDatabase;
const clock = fixedClock(new Date("2026-12-01T09:00:00.000Z"));
const actor = { channel: "slack" as const, id: "UAPPROVER1" };

beforeAll(async () => {
  db = await openMigratedDatabase();
  const { prisma } = db.database;
  for (let i = 1; i <= 5; i += 1) {
    clock.advance(1000);
    await prisma.$transaction((tx) =>
      recordAudit(tx, clock, {
        actor: i === 3 ? null : actor,
        action: "request.submitted",
        entityType: "ai_tool_request",
        entityId: `REQ-000${i}`,
        after: { n: i, nested: { b: [1, 2], a: "x" } },
        controls: ["A.9.2"],
      }),
    );
  }
  await sealPending(prisma);
});
afterAll(async () => {
  await db?.close();
});

/** Runs SQL on the audit table with the append-only trigger switched off, as an attacker with DDL rights could. */
async function tamper(sql: string, ...values: unknown[]) {
  const { prisma } = db.database;
  await prisma.$transaction(async (tx) => {
    await tx.$executeRawUnsafe(`ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_append_only"`);
    await tx.$executeRawUnsafe(sql, ...values);
    await tx.$executeRawUnsafe(`ALTER TABLE "AuditEvent" ENABLE TRIGGER "AuditEvent_append_only"`);
  });
}

describe("tamper-evident audit trail", () => {
  let head: { id: number; hash: string };

  it("verifies an untouched chain, in batches, and reports its head", async () => {
    const result = await verifyAuditChain(db.database.prisma, { batchSize: 2 });
    expect(result).toMatchObject({ ok: true, eventCount: 5 });
    if (!result.ok || !result.head) throw new Error("no head");
    head = result.head;
    const last = await db.database.prisma.auditEvent.findFirstOrThrow({ orderBy: { sealSeq: "desc" } });
    expect(head).toEqual({ id: last.id, hash: last.hash });
  });

  it("refuses UPDATE, DELETE and TRUNCATE of past events in the database", async () => {
    // As someone with SQL access would try it: a plain connection, outside the application.
    const refusals = await db.whileDisconnected(async () => {
      const client = await connectPlainClient(db.url);
      try {
        const attempts = [`UPDATE "AuditEvent" SET "action" = 'x'`, `DELETE FROM "AuditEvent"`, `TRUNCATE "AuditEvent"`];
        const messages: string[] = [];
        for (const sql of attempts) messages.push(await client.query(sql).then(() => "allowed", (error: Error) => error.message));
        return messages;
      } finally {
        await client.end();
      }
    });
    expect(refusals).toEqual([
      "AuditEvent is append-only: UPDATE is not allowed",
      "AuditEvent is append-only: DELETE is not allowed",
      "AuditEvent is append-only: TRUNCATE is not allowed",
    ]);
    expect(await db.database.prisma.auditEvent.count()).toBe(5);
  });

  it("detects a direct edit of a past event, names it, and the CLI exits non-zero", async () => {
    const events = await db.database.prisma.auditEvent.findMany({ orderBy: { id: "asc" } });
    const victim = events[1];
    await tamper(`UPDATE "AuditEvent" SET "after" = '{"n": 2, "nested": {"a": "y", "b": [1, 2]}}'::jsonb WHERE "id" = $1`, victim.id);

    const result = await verifyAuditChain(db.database.prisma, { batchSize: 2 });
    expect(result).toMatchObject({ ok: false, eventCount: 1, brokenAt: { eventId: victim.id } });
    if (!result.ok) expect(result.brokenAt.problem).toMatch(/does not match its contents.*edited/);

    const run = await db.whileDisconnected(() => runCli("audit-verify", [], db.url));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`BROKEN at event #${victim.id}`);

    // Restoring the original content makes it verify again: the hash covers the content, nothing else.
    await tamper(`UPDATE "AuditEvent" SET "after" = $1::jsonb WHERE "id" = $2`, JSON.stringify(victim.after), victim.id);
    expect(await verifyAuditChain(db.database.prisma)).toMatchObject({ ok: true, eventCount: 5 });
  }, 60_000);

  it("the CLI exits 0 on an intact chain and checks a published head", async () => {
    await db.whileDisconnected(async () => {
      const ok = await runCli("audit-verify", ["--head", `${head.id}:${head.hash}`], db.url);
      expect(ok.code).toBe(0);
      expect(ok.stdout).toContain(`5 event(s), head #${head.id}`);
      const wrong = await runCli("audit-verify", ["--head", `${head.id}:${"f".repeat(64)}`], db.url);
      expect(wrong.code).toBe(1);
      expect((await runCli("audit-verify", ["--head", "nonsense"], db.url)).code).toBe(64);
    });
  }, 120_000);

  it("detects a removed event by the broken link of the next one, and a removed tail by the published head", async () => {
    const events = await db.database.prisma.auditEvent.findMany({ orderBy: { id: "asc" } });
    await tamper(`DELETE FROM "AuditEvent" WHERE "id" = $1`, events[4].id);
    expect(await verifyAuditChain(db.database.prisma)).toMatchObject({ ok: true, eventCount: 4 });
    expect(await verifyAuditChain(db.database.prisma, { expectedHead: head })).toMatchObject({
      ok: false,
      brokenAt: { eventId: head.id, problem: expect.stringContaining("is missing") },
    });

    await tamper(`DELETE FROM "AuditEvent" WHERE "id" = $1`, events[2].id);
    const result = await verifyAuditChain(db.database.prisma);
    expect(result).toMatchObject({ ok: false, eventCount: 2, brokenAt: { eventId: events[3].id } });
    if (!result.ok) expect(result.brokenAt.problem).toMatch(/does not match event #\d+/);
  });
});
