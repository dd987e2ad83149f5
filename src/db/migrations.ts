import pg from "pg";
import { MigrateLockReleaseError, withMigrateLock } from "./migrations/advisory-lock.js";
import { pendingMigrations } from "./migrations/history-check.js";
import {
  ensureHistoryTable,
  readHistory,
  recordMigrationFailed,
  recordMigrationFinished,
  recordMigrationStarted,
} from "./migrations/history-table.js";
import { readLocalMigrations, type LocalMigration } from "./migrations/local-migrations.js";
import type { Queryable } from "./migrations/queryable.js";

export type { Queryable } from "./migrations/queryable.js";
export { migrationChecksum } from "./migrations/checksum.js";

/**
 * A pool (one client is checked out for the whole run) or an already connected client.
 * Everything runs on that single connection, so a PGlite pool with `max: 1` works.
 */
export type MigrationDatabase = pg.Pool | pg.ClientBase;

/**
 * Applies pending `<migrationsDir>/<name>/migration.sql` files in folder-name order, keeping
 * `_prisma_migrations` exactly as `prisma migrate deploy` does, so either tool can take over.
 * Each migration runs in its own transaction; a failure is recorded (finished_at stays NULL)
 * and blocks later runs until resolved, as with Prisma.
 */
export async function applyMigrations(
  db: MigrationDatabase,
  migrationsDir: string,
  log: (msg: string) => void = () => {},
): Promise<{ applied: string[] }> {
  const local = await readLocalMigrations(migrationsDir);
  return withSession(db, (session) =>
    withMigrateLock(
      session,
      async () => {
        await ensureHistoryTable(session);
        const pending = pendingMigrations(local, await readHistory(session));
        if (pending.length === 0) log("Database schema is up to date; no migrations to apply");
        for (const migration of pending) {
          log(`Applying migration ${migration.name}`);
          await applyOne(session, migration);
        }
        return { applied: pending.map((migration) => migration.name) };
      },
      log,
    ),
  );
}

async function applyOne(session: Queryable, migration: LocalMigration): Promise<void> {
  const id = await recordMigrationStarted(session, migration.name, migration.checksum);
  try {
    await session.query("BEGIN");
    await session.query(migration.script);
    await recordMigrationFinished(session, id);
    await session.query("COMMIT");
  } catch (error) {
    await session.query("ROLLBACK").catch(() => {});
    await recordMigrationFailed(session, id, databaseErrorLogs(error)).catch(() => {});
    throw new Error(`Migration ${migration.name} failed and was rolled back: ${describeError(error)}`, { cause: error });
  }
}

async function withSession<T>(db: MigrationDatabase, work: (session: pg.ClientBase) => Promise<T>): Promise<T> {
  if (!(db instanceof pg.Pool)) return work(db);
  const client = await db.connect();
  let lockMayBeHeld: Error | undefined;
  try {
    return await work(client);
  } catch (error) {
    if (error instanceof MigrateLockReleaseError) lockMayBeHeld = error;
    throw error;
  } finally {
    // Releasing with an error destroys the connection, which drops any advisory lock it still holds.
    client.release(lockMayBeHeld);
  }
}

function describeError(error: unknown): string {
  if (error instanceof pg.DatabaseError) return `${error.message} (SQLSTATE ${error.code})`;
  return error instanceof Error ? error.message : String(error);
}

/** Same shape as the logs Prisma's schema engine records for a failed migration. */
function databaseErrorLogs(error: unknown): string {
  if (error instanceof pg.DatabaseError) {
    return `Database error code: ${error.code}\n\nDatabase error:\nERROR: ${error.message}\n`;
  }
  return `Database error:\n${describeError(error)}\n`;
}
