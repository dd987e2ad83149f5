import { createHash } from "node:crypto";
import { cp, readdir } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, expect, it } from "vitest";
import { recordAudit } from "../../src/core/audit.js";
import { canonicalJson } from "../../src/core/canonical-json.js";
import { fixedClock } from "../../src/core/clock.js";
import { MIGRATIONS_DIR, openDatabase } from "../../src/db/database.js";
import { applyMigrations } from "../../src/db/migrations.js";
import { sealPending } from "../../src/features/audit-trail/seal-chain.js";
import { verifyAuditChain } from "../../src/features/audit-trail/verify-chain.js";
import { createLogger } from "../../src/log/logger.js";
import { createTestDatabase, type TestDatabase } from "../support/test-database.js";
import { createMigrationsDir, removeDir } from "../db/migration-fixtures.js";

const SEALING_MIGRATION = "20261206030000_audit_sealing";
let database: TestDatabase | undefined;
let migrationsBefore: string | undefined;
afterAll(async () => {
  await database?.drop();
  if (migrationsBefore) await removeDir(migrationsBefore);
});

/** How events were chained before sealing: under a lock at append time, hashing the raw actor id and no position. */
function legacyHash(event: { occurredAt: string; actorId: string | null; action: string; entityId: string; prevHash: string }) {
  const fields = { ...event, actorChannel: event.actorId ? "slack" : null, entityType: "ai_tool_request", before: null, after: { ok: true }, controls: ["A.9.2"] };
  return createHash("sha256").update(canonicalJson(fields)).digest("hex");
}

it("keeps events chained before sealing verifiable, and seals new events after them", async () => {
  database = await createTestDatabase();
  migrationsBefore = await createMigrationsDir({});
  for (const name of await readdir(MIGRATIONS_DIR)) {
    if (name < SEALING_MIGRATION) await cp(path.join(MIGRATIONS_DIR, name), path.join(migrationsBefore, name), { recursive: true });
  }
  const pool = new pg.Pool({ connectionString: database.url, max: 1 });
  try {
    await applyMigrations(pool, migrationsBefore);
    let prevHash = "0".repeat(64);
    for (const [n, actorId] of [[1, "UALICE"], [2, null], [3, "UBOB"]] as const) {
      const event = { occurredAt: `2026-11-0${n}T10:00:00.000Z`, actorId, action: "request.submitted", entityId: `REQ-${n}`, prevHash };
      const hash = legacyHash(event);
      await pool.query(
        `INSERT INTO "AuditEvent" ("occurredAt", "actorChannel", "actorId", "action", "entityType", "entityId", "after", "controls", "prevHash", "hash")
         VALUES ($1, $2, $3, $4, 'ai_tool_request', $5, '{"ok": true}', ARRAY['A.9.2'], $6, $7)`,
        [event.occurredAt, actorId ? "slack" : null, actorId, event.action, event.entityId, prevHash, hash],
      );
      prevHash = hash;
    }
  } finally {
    await pool.end();
  }

  const opened = await openDatabase(
    { url: database.url, dataDir: path.join(os.tmpdir(), "aims-unused"), poolSize: 1, connectTimeoutMs: 5000 },
    createLogger("silent"),
  );
  try {
    const { prisma } = opened;
    expect(await verifyAuditChain(prisma)).toMatchObject({ ok: true, eventCount: 3 });
    await prisma.$transaction((tx) =>
      recordAudit(tx, fixedClock(new Date("2026-12-01T09:00:00.000Z")), { actor: null, action: "request.approved", entityType: "ai_tool_request", entityId: "REQ-1", controls: [] }),
    );
    await sealPending(prisma);

    const events = await prisma.auditEvent.findMany({ orderBy: { sealSeq: "asc" } });
    expect(events.map((event) => [event.hashVersion, event.sealSeq])).toEqual([[1, 1], [1, 2], [1, 3], [3, 4]]);
    expect(events[3].prevHash).toBe(events[2].hash);
    expect(await verifyAuditChain(prisma)).toMatchObject({ ok: true, eventCount: 4, head: { id: events[3].id } });
  } finally {
    await opened.close();
  }
});
