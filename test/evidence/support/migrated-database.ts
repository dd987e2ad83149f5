import os from "node:os";
import pg from "pg";
import path from "node:path";
import { openDatabase, type Database } from "../../../src/db/database.js";
import { createLogger } from "../../../src/log/logger.js";
import { createTestDatabase } from "../../support/test-database.js";

export interface MigratedDatabase {
  readonly database: Database;
  /** The test database's connection URL (for a CLI run in a child process). */
  readonly url: string;
  /**
   * Runs `work` with this process's connections closed (PGlite takes one connection at a time), e.g. a CLI run,
   * then connects again.
   */
  whileDisconnected<T>(work: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * A plain connection, retried for a moment: PGlite serves one connection at a time and frees it a little after the
 * previous client has gone.
 */
export async function connectPlainClient(url: string): Promise<pg.Client> {
  for (let attempt = 1; ; attempt += 1) {
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      return client;
    } catch (error) {
      await client.end().catch(() => undefined);
      if (attempt >= 40) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

const open = (url: string) =>
  openDatabase(
    { url, dataDir: path.join(os.tmpdir(), "aims-unused"), poolSize: process.env.DATABASE_URL ? 4 : 1, connectTimeoutMs: 5000 },
    createLogger("silent"),
  );

/** A fresh test database (PGlite, or DATABASE_URL's server) with every migration applied, and a Prisma client on it. */
export async function openMigratedDatabase(): Promise<MigratedDatabase> {
  const test = await createTestDatabase({ migrated: true });
  let database = await open(test.url);
  return {
    get database() {
      return database;
    },
    url: test.url,
    async whileDisconnected(work) {
      await database.close();
      try {
        return await work();
      } finally {
        database = await open(test.url);
      }
    },
    async close() {
      await database.close().catch(() => undefined);
      await test.drop().catch(() => undefined);
    },
  };
}
