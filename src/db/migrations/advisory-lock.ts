import type { Queryable } from "./queryable.js";

/** The key `prisma migrate` locks, so our runner and Prisma's CLI also exclude each other. */
export const PRISMA_MIGRATE_LOCK_KEY = 72707369;

/** Thrown when the lock could not be released: the connection must be discarded, not reused. */
export class MigrateLockReleaseError extends Error {}

/**
 * Runs `work` while holding Prisma's session-level advisory lock on `session`. The lock belongs to
 * the connection, so everything inside must run on that same connection.
 */
export async function withMigrateLock<T>(
  session: Queryable,
  work: () => Promise<T>,
  log: (msg: string) => void,
): Promise<T> {
  const { rows } = await session.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1) AS locked", [
    PRISMA_MIGRATE_LOCK_KEY,
  ]);
  if (!rows[0]?.locked) {
    log("Another process is applying migrations; waiting for it to finish");
    await session.query("SELECT pg_advisory_lock($1)", [PRISMA_MIGRATE_LOCK_KEY]);
  }
  let result: T;
  try {
    result = await work();
  } catch (error) {
    await unlock(session).catch((unlockError: unknown) => {
      throw new MigrateLockReleaseError(`${String(error)} (and releasing the migration lock failed)`, {
        cause: unlockError,
      });
    });
    throw error;
  }
  await unlock(session).catch((unlockError: unknown) => {
    throw new MigrateLockReleaseError("Releasing the migration lock failed", { cause: unlockError });
  });
  return result;
}

async function unlock(session: Queryable): Promise<void> {
  await session.query("SELECT pg_advisory_unlock($1)", [PRISMA_MIGRATE_LOCK_KEY]);
}
