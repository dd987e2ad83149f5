import { randomUUID } from "node:crypto";
import type { Queryable } from "./queryable.js";

export interface MigrationRecord {
  id: string;
  checksum: string;
  migration_name: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  logs: string | null;
}

const TABLE = `"_prisma_migrations"`;

/** The exact DDL the Prisma schema engine uses for its history table on PostgreSQL. */
const CREATE_TABLE = `CREATE TABLE ${TABLE} (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

/**
 * Creates the history table on first use. Like `prisma migrate deploy` (P3005), refuses a database
 * that already holds tables but no history: it was not created by migrations and needs baselining.
 */
export async function ensureHistoryTable(db: Queryable): Promise<void> {
  const { rows } = await db.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_catalog.pg_class c
       JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'v', 'm')`,
  );
  if (rows.some((row) => row.name === "_prisma_migrations")) return;
  if (rows.length > 0) {
    const names = rows.map((row) => row.name).join(", ");
    throw new Error(
      `The database schema is not empty (${names}) but has no _prisma_migrations table. ` +
        `Baseline it first (see Prisma's "baselining" guide) instead of applying migrations over it.`,
    );
  }
  await db.query(CREATE_TABLE);
}

export async function readHistory(db: Queryable): Promise<MigrationRecord[]> {
  const { rows } = await db.query<MigrationRecord>(
    `SELECT id, checksum, migration_name, finished_at, rolled_back_at, logs FROM ${TABLE} ORDER BY started_at, migration_name`,
  );
  return rows;
}

/** Inserted (and committed) before the script runs, so a crash mid-migration leaves a failed row as Prisma does. */
export async function recordMigrationStarted(db: Queryable, name: string, checksum: string): Promise<string> {
  const id = randomUUID();
  await db.query(`INSERT INTO ${TABLE} (id, checksum, migration_name) VALUES ($1, $2, $3)`, [id, checksum, name]);
  return id;
}

export async function recordMigrationFinished(db: Queryable, id: string): Promise<void> {
  await db.query(
    `UPDATE ${TABLE} SET finished_at = clock_timestamp(), applied_steps_count = applied_steps_count + 1 WHERE id = $1`,
    [id],
  );
}

export async function recordMigrationFailed(db: Queryable, id: string, logs: string): Promise<void> {
  await db.query(`UPDATE ${TABLE} SET logs = $2 WHERE id = $1`, [id, logs]);
}
