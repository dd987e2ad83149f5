import os from "node:os";
import path from "node:path";
import { openDatabase, type Database } from "../../../src/db/database.js";
import { createLogger } from "../../../src/log/logger.js";
import { createTestDatabase } from "../../support/test-database.js";

export interface MigratedDatabase {
  database: Database;
  /** The test database's connection URL (for a CLI run in a child process). */
  url: string;
  close(): Promise<void>;
}

/** A fresh test database (PGlite, or DATABASE_URL's server) with every migration applied, and a Prisma client on it. */
export async function openMigratedDatabase(): Promise<MigratedDatabase> {
  const test = await createTestDatabase();
  const database = await openDatabase(
    { url: test.url, dataDir: path.join(os.tmpdir(), "aims-unused"), poolSize: process.env.DATABASE_URL ? 4 : 1, connectTimeoutMs: 5000 },
    createLogger("silent"),
  );
  return {
    database,
    url: test.url,
    async close() {
      await database.close();
      await test.drop().catch(() => undefined);
    },
  };
}
