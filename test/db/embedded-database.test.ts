import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { MIGRATIONS_DIR } from "../../src/db/database.js";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "../../src/db/embedded-postgres.js";
import { PrismaClient } from "../../src/db/generated/client.js";
import { applyMigrations } from "../../src/db/migrations.js";

let embedded: EmbeddedPostgres;
beforeAll(async () => {
  embedded = await startEmbeddedPostgres();
});
afterAll(async () => {
  await embedded?.stop();
});

it("answers the next query after one failed (pg-pool replaces the failed connection)", async () => {
  const pool = new pg.Pool({ connectionString: embedded.url, max: 1 });
  await applyMigrations(pool, MIGRATIONS_DIR);
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  await prisma.referenceCounter.create({ data: { prefix: "DUP" } });
  await expect(prisma.referenceCounter.create({ data: { prefix: "DUP" } })).rejects.toThrow(/Unique constraint/);
  expect(await prisma.referenceCounter.count({ where: { prefix: "DUP" } })).toBe(1);
  await prisma.$disconnect();
  await pool.end();
});

it("rolls back the transaction of a connection that dropped, so the next one starts clean", async () => {
  const setup = new pg.Client(embedded.url);
  await setup.connect();
  await setup.query('CREATE TABLE "DroppedTx" (v int)');
  await setup.end();

  const dropped = new pg.Client(embedded.url);
  dropped.on("error", () => undefined);
  await dropped.connect();
  await dropped.query("BEGIN");
  await dropped.query('INSERT INTO "DroppedTx" VALUES (1)');
  (dropped as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();

  const next = new pg.Client(embedded.url);
  const notices: string[] = [];
  next.on("notice", (notice) => notices.push(notice.message ?? ""));
  await next.connect();
  expect((await next.query('SELECT count(*)::int AS n FROM "DroppedTx"')).rows[0].n).toBe(0);
  await next.query("BEGIN");
  await next.query("COMMIT");
  expect(notices).toEqual([]);
  await next.end();
});
