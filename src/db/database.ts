import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client.js";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "./embedded-postgres.js";
import { applyMigrations } from "./migrations.js";
import type { Logger } from "../log/logger.js";
import type { PoolStats } from "../metrics/metrics.js";

export type Prisma = InstanceType<typeof PrismaClient>;

/** Writes one statement outside any transaction (a pg pool): see Database.urgent. */
export interface UrgentWriter {
  query(text: string, values: unknown[]): Promise<{ rows: { id: number }[] }>;
}

export interface DatabaseSettings {
  url?: string;
  dataDir: string;
  poolSize: number;
  connectTimeoutMs: number;
}

export interface Database {
  prisma: Prisma;
  kind: "embedded" | "postgresql";
  /** Resolves when the database answers a trivial query. */
  ping(): Promise<void>;
  /**
   * Writes that must not queue behind a burst's work (recording a form acknowledged before it is saved): a small pool
   * of its own on PostgreSQL; the embedded database's one connection otherwise.
   */
  urgent: UrgentWriter;
  /** Connections held, idle, and work queued for one. */
  poolStats(): PoolStats;
  close(): Promise<void>;
}

/**
 * How long work may wait for a free pooled connection. A burst (thousands of form submissions at once, on the
 * embedded database's single connection) queues for longer than it takes to notice a dead server, so the two are
 * separate: connecting to the server is bounded by DATABASE_CONNECT_TIMEOUT_MS, waiting for a busy pool by this.
 */
const POOL_QUEUE_TIMEOUT_MS = 60_000;
/** Connections of the urgent lane: its writes are one statement each, batched per turn of the event loop. */
const URGENT_POOL_SIZE = 2;

/** A pg client whose own connection attempt gives up after `connectTimeoutMs`, whatever the pool waits. */
function clientConnectingWithin(connectTimeoutMs: number): typeof pg.Client {
  return class extends pg.Client {
    constructor(config?: string | pg.ClientConfig) {
      super({ ...(typeof config === "string" ? { connectionString: config } : config), connectionTimeoutMillis: connectTimeoutMs });
    }
  };
}

type ConnectCallback = (error: Error | undefined, client: pg.PoolClient | undefined, release: () => void) => void;

/**
 * Reports how long each checkout of a pooled connection waited. Prisma's queries (pool.query) and transactions
 * (pool.connect) both come through connect, so one wrapper sees every wait.
 */
function timeConnectionWaits(pool: pg.Pool, observe: (seconds: number) => void): void {
  const connect = pool.connect.bind(pool) as (callback?: ConnectCallback) => Promise<pg.PoolClient> | undefined;
  pool.connect = ((callback?: ConnectCallback) => {
    const started = performance.now();
    const waited = () => observe((performance.now() - started) / 1000);
    if (callback) {
      return connect((error, client, release) => {
        waited();
        callback(error, client, release);
      });
    }
    return connect()!.finally(waited);
  }) as typeof pool.connect;
}

/**
 * Writes on `pool`'s connections, each taken ahead of the work already queued for one: the embedded database has a
 * single connection, and a stand-by record must not wait behind the burst it belongs to. pg-pool keeps its waiting
 * checkouts in the private `_pendingQueue`; test/db/pool-queue.test.ts fails if that changes.
 */
export function aheadOfTheQueue(pool: pg.Pool): UrgentWriter {
  return {
    async query(text, values) {
      const queue = (pool as unknown as { _pendingQueue?: unknown[] })._pendingQueue;
      const before = queue?.length ?? 0;
      const checkout = pool.connect();
      if (queue && queue.length === before + 1) queue.unshift(queue.pop());
      const client = await checkout;
      try {
        return await client.query(text, values);
      } finally {
        client.release();
      }
    },
  };
}

export const MIGRATIONS_DIR = fileURLToPath(new URL("../../prisma/migrations", import.meta.url));

/**
 * Opens the database named by the settings (PostgreSQL when a URL is given, else the embedded PGlite under
 * dataDir), applies pending migrations and returns a Prisma client on the pg driver adapter.
 */
export async function openDatabase(
  settings: DatabaseSettings,
  logger: Logger,
  options: { onConnectionWait?: (seconds: number) => void } = {},
): Promise<Database> {
  let embedded: EmbeddedPostgres | undefined;
  if (!settings.url) {
    embedded = await startEmbeddedPostgres(path.join(settings.dataDir, "pglite"));
    logger.info({ dataDir: path.resolve(settings.dataDir) }, "using the embedded database (PGlite)");
  }
  const pool = new pg.Pool({
    connectionString: settings.url ?? embedded!.url,
    max: embedded ? 1 : settings.poolSize,
    // pg-pool's timeout bounds the wait for a free client as well as connecting; each client bounds its own connect.
    connectionTimeoutMillis: POOL_QUEUE_TIMEOUT_MS,
    Client: clientConnectingWithin(embedded ? POOL_QUEUE_TIMEOUT_MS : settings.connectTimeoutMs),
  });
  // An idle client that loses its server emits 'error'; without a listener that would crash the process.
  pool.on("error", (error) => logger.warn({ err: error }, "database connection lost"));
  const urgent = embedded
    ? aheadOfTheQueue(pool)
    : new pg.Pool({ connectionString: settings.url, max: URGENT_POOL_SIZE, connectionTimeoutMillis: settings.connectTimeoutMs, Client: clientConnectingWithin(settings.connectTimeoutMs) });
  if (urgent instanceof pg.Pool) urgent.on("error", (error) => logger.warn({ err: error }, "database connection lost"));
  if (options.onConnectionWait) timeConnectionWaits(pool, options.onConnectionWait);

  try {
    const { applied } = await applyMigrations(pool, MIGRATIONS_DIR, (message) => logger.info(message));
    if (applied.length > 0) logger.info({ applied }, "database migrations applied");
  } catch (error) {
    await pool.end().catch(() => undefined);
    if (urgent instanceof pg.Pool) await urgent.end().catch(() => undefined);
    await embedded?.stop().catch(() => undefined);
    throw error;
  }

  const prisma = new PrismaClient({
    adapter: new PrismaPg(pool),
    // Prisma gives up on starting a transaction after 2 s by default. A burst of decisions queues for the pool (the
    // embedded database has one connection), so they wait their turn instead of failing.
    transactionOptions: { maxWait: POOL_QUEUE_TIMEOUT_MS, timeout: 15_000 },
  });
  return {
    prisma,
    kind: embedded ? "embedded" : "postgresql",
    urgent,
    async ping() {
      await pool.query("SELECT 1");
    },
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    async close() {
      await prisma.$disconnect();
      await pool.end();
      if (urgent instanceof pg.Pool) await urgent.end();
      await embedded?.stop();
    },
  };
}
