import { cp, mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { createTestDatabase } from "../support/test-database.js";

/** A throwaway Prisma-layout migrations folder: `<dir>/<name>/migration.sql` plus migration_lock.toml. */
export async function createMigrationsDir(migrations: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "aims-migrations-"));
  await writeFile(join(dir, "migration_lock.toml"), 'provider = "postgresql"\n');
  for (const [name, sql] of Object.entries(migrations)) await writeMigration(dir, name, sql);
  return dir;
}

export async function writeMigration(dir: string, name: string, sql: string): Promise<void> {
  await mkdir(join(dir, name), { recursive: true });
  await writeFile(join(dir, name, "migration.sql"), sql);
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

/** The project's own migrations folder. */
export const PROJECT_MIGRATIONS = fileURLToPath(new URL("../../prisma/migrations", import.meta.url));

/**
 * A test database and a pool on it, with a migrations folder holding every project migration before `migration`:
 * apply `before` to build the database as it stood, put data in, then apply PROJECT_MIGRATIONS to test the step.
 * Call from beforeAll; `close` from afterAll.
 */
export async function databaseBefore(migration: string): Promise<{ pool: pg.Pool; before: string; close: () => Promise<void> }> {
  const database = await createTestDatabase();
  const pool = new pg.Pool({ connectionString: database.url, max: 1 });
  const before = await createMigrationsDir({});
  for (const name of await readdir(PROJECT_MIGRATIONS)) {
    if (name < migration && name !== "migration_lock.toml") await cp(join(PROJECT_MIGRATIONS, name), join(before, name), { recursive: true });
  }
  return {
    pool,
    before,
    close: async () => {
      await removeDir(before);
      await pool.end();
      await database.drop();
    },
  };
}
