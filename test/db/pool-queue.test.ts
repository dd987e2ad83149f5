import net from "node:net";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { aheadOfTheQueue, openDatabase, type Database } from "../../src/db/database.js";
import { createLogger } from "../../src/log/logger.js";
import { createTestDatabase, type TestDatabase } from "../support/test-database.js";

const logger = createLogger("silent");
// Long enough for a fresh connection on a loaded 2-core machine; the burst below still waits far longer in all.
const CONNECT_TIMEOUT_MS = 1_000;

describe("the database pool", () => {
  let testDatabase: TestDatabase;
  let database: Database;
  beforeAll(async () => {
    testDatabase = await createTestDatabase({ migrated: true });
    database = await openDatabase({ url: testDatabase.url, dataDir: "unused", poolSize: 2, connectTimeoutMs: CONNECT_TIMEOUT_MS }, logger);
  });
  afterAll(async () => {
    await database?.close();
    await testDatabase?.drop();
  });

  it("queues a burst far larger than the pool instead of failing it, though each waits longer than the connect timeout", async () => {
    // Like changes waiting on one row lock: each transaction holds the lock, so they run one after another.
    const burst = Array.from({ length: 50 }, (_, i) =>
      database.prisma.$transaction(async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(4242)`;
        await tx.$executeRaw`SELECT pg_sleep(0.05)`;
        return i;
      }),
    );
    const started = Date.now();
    const results = await Promise.allSettled(burst);
    expect(results.filter((result) => result.status === "rejected")).toEqual([]);
    expect(Date.now() - started).toBeGreaterThan(CONNECT_TIMEOUT_MS);
  }, 60_000);
});

describe("a write ahead of the queue (the embedded database's stand-by records)", () => {
  let testDatabase: TestDatabase;
  let pool: pg.Pool;
  beforeAll(async () => {
    testDatabase = await createTestDatabase();
    pool = new pg.Pool({ connectionString: testDatabase.url, max: 1 });
  });
  afterAll(async () => {
    await pool?.end();
    await testDatabase?.drop();
  });

  it("gets the one connection before the work queued for it", async () => {
    const held = await pool.connect();
    const finished: string[] = [];
    const queued = [1, 2, 3].map((n) => pool.query("SELECT $1::int AS n", [n]).then(() => finished.push(`queued ${n}`)));
    const urgent = aheadOfTheQueue(pool)
      .query("SELECT 1 AS id", [])
      .then(() => finished.push("urgent"));
    held.release();
    await Promise.all([...queued, urgent]);
    expect(finished).toEqual(["urgent", "queued 1", "queued 2", "queued 3"]);
  });
});

describe("an unreachable database server", () => {
  let silent: net.Server;
  const sockets = new Set<net.Socket>();
  beforeAll(async () => {
    // Accepts connections and never answers, like a server behind a dead network path.
    silent = net.createServer((socket) => sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
  });
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => silent.close(resolve));
  });

  it("is given up on after the connect timeout, not after the pool's queue timeout", async () => {
    const { port } = silent.address() as AddressInfo;
    const started = Date.now();
    await expect(openDatabase({ url: `postgresql://aims@127.0.0.1:${port}/aims`, dataDir: "unused", poolSize: 2, connectTimeoutMs: CONNECT_TIMEOUT_MS }, logger)).rejects.toThrow(
      /timeout/i,
    );
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
