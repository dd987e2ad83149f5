import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../../src/db/generated/client.js";
import type { Prisma } from "../../src/db/database.js";
import { MIGRATIONS_DIR } from "../../src/db/database.js";
import { applyMigrations } from "../../src/db/migrations.js";
import { createTestDatabase } from "../support/test-database.js";

/** A migrated, empty database for a benchmark: PGlite, or PostgreSQL when `serverUrl` is given. */
export async function benchDatabase(serverUrl?: string): Promise<{ prisma: Prisma; pool: pg.Pool; close(): Promise<void> }> {
  const previous = process.env.DATABASE_URL;
  if (serverUrl) process.env.DATABASE_URL = serverUrl;
  else delete process.env.DATABASE_URL;
  const database = await createTestDatabase();
  if (previous === undefined) delete process.env.DATABASE_URL;
  else process.env.DATABASE_URL = previous;
  const pool = new pg.Pool({ connectionString: database.url, max: serverUrl ? 5 : 1 });
  await applyMigrations(pool, MIGRATIONS_DIR);
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return {
    prisma,
    pool,
    async close() {
      await prisma.$disconnect();
      await pool.end();
      await database.drop();
    },
  };
}
