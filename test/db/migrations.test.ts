import { createHash } from "node:crypto";
import { rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import pg from "pg";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { applyMigrations } from "../../src/db/migrations.js";
import { createTestDatabase, type TestDatabase } from "../support/test-database.js";
import { createMigrationsDir, removeDir, writeMigration } from "./migration-fixtures.js";

const INIT = `-- CreateTable
CREATE TABLE "Team" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "Team_pkey" PRIMARY KEY ("id")
);
`;
const ADD_MEMBER = `CREATE TABLE "Member" ("id" SERIAL PRIMARY KEY, "teamId" INTEGER NOT NULL REFERENCES "Team"("id"));\n`;
// The first statement succeeds, the second fails: the whole migration must roll back.
const BROKEN = `CREATE TABLE "Partial" ("id" INTEGER);\nCREATE TABLE "Team" ("id" INTEGER);\n`;

interface HistoryRow {
  id: string;
  checksum: string;
  migration_name: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  started_at: Date;
  logs: string | null;
  applied_steps_count: number;
}

let database: TestDatabase;
let pool: pg.Pool;
let migrationsDir: string;

beforeAll(async () => {
  database = await createTestDatabase();
  pool = new pg.Pool({ connectionString: database.url, max: 1 });
});

afterAll(async () => {
  await pool.end();
  await database.drop();
});

beforeEach(async () => {
  await pool.query("DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
  migrationsDir = await createMigrationsDir({ "20250101000000_init": INIT, "20250102000000_add_member": ADD_MEMBER });
});

afterEach(async () => {
  await removeDir(migrationsDir);
});

async function history(): Promise<HistoryRow[]> {
  const { rows } = await pool.query<HistoryRow>(`SELECT * FROM "_prisma_migrations" ORDER BY migration_name`);
  return rows;
}

async function tableExists(name: string): Promise<boolean> {
  const { rows } = await pool.query<{ exists: boolean }>("SELECT to_regclass($1) IS NOT NULL AS exists", [`"${name}"`]);
  return rows[0]!.exists;
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

describe("applyMigrations", () => {
  it("applies every migration in folder order and records rows the way Prisma does", async () => {
    const logs: string[] = [];
    const result = await applyMigrations(pool, migrationsDir, (msg) => logs.push(msg));

    expect(result.applied).toEqual(["20250101000000_init", "20250102000000_add_member"]);
    expect(await tableExists("Member")).toBe(true);
    expect(logs).toContain("Applying migration 20250101000000_init");

    const rows = await history();
    expect(rows.map((row) => row.migration_name)).toEqual(result.applied);
    expect(rows.map((row) => row.checksum)).toEqual([sha256(INIT), sha256(ADD_MEMBER)]);
    for (const row of rows) {
      expect(row.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.finished_at!.getTime()).toBeGreaterThanOrEqual(row.started_at.getTime());
      expect(row.rolled_back_at).toBeNull();
      expect(row.logs).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
  });

  it("creates _prisma_migrations with Prisma's column types", async () => {
    await applyMigrations(pool, migrationsDir);
    const { rows } = await pool.query<{ column_name: string; type: string; nullable: boolean; column_default: string | null }>(
      `SELECT a.attname AS column_name, format_type(a.atttypid, a.atttypmod) AS type, NOT a.attnotnull AS nullable,
              pg_get_expr(d.adbin, d.adrelid) AS column_default
         FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
        WHERE a.attrelid = '"_prisma_migrations"'::regclass AND a.attnum > 0 ORDER BY a.attnum`,
    );
    expect(rows).toEqual([
      { column_name: "id", type: "character varying(36)", nullable: false, column_default: null },
      { column_name: "checksum", type: "character varying(64)", nullable: false, column_default: null },
      { column_name: "finished_at", type: "timestamp with time zone", nullable: true, column_default: null },
      { column_name: "migration_name", type: "character varying(255)", nullable: false, column_default: null },
      { column_name: "logs", type: "text", nullable: true, column_default: null },
      { column_name: "rolled_back_at", type: "timestamp with time zone", nullable: true, column_default: null },
      { column_name: "started_at", type: "timestamp with time zone", nullable: false, column_default: "now()" },
      { column_name: "applied_steps_count", type: "integer", nullable: false, column_default: "0" },
    ]);
  });

  it("applies nothing on a second run, and only the new migration once one is added", async () => {
    await applyMigrations(pool, migrationsDir);
    expect(await applyMigrations(pool, migrationsDir)).toEqual({ applied: [] });

    await writeMigration(migrationsDir, "20250103000000_add_column", `ALTER TABLE "Team" ADD COLUMN "slug" TEXT;\n`);
    expect(await applyMigrations(pool, migrationsDir)).toEqual({ applied: ["20250103000000_add_column"] });
    expect(await history()).toHaveLength(3);
  });

  it("rolls back a failing migration, records it as failed and refuses to continue until it is resolved", async () => {
    await writeMigration(migrationsDir, "20250103000000_broken", BROKEN);
    await writeMigration(migrationsDir, "20250104000000_later", `CREATE TABLE "Later" ("id" INTEGER);\n`);

    await expect(applyMigrations(pool, migrationsDir)).rejects.toThrow(
      /Migration 20250103000000_broken failed.*relation "Team" already exists.*42P07/,
    );
    expect(await tableExists("Partial")).toBe(false);
    expect(await tableExists("Later")).toBe(false);
    const failed = (await history()).find((row) => row.migration_name === "20250103000000_broken")!;
    expect(failed.finished_at).toBeNull();
    expect(failed.rolled_back_at).toBeNull();
    expect(failed.applied_steps_count).toBe(0);
    expect(failed.logs).toContain('relation "Team" already exists');

    await writeMigration(migrationsDir, "20250103000000_broken", `CREATE TABLE "Partial" ("id" INTEGER);\n`);
    await expect(applyMigrations(pool, migrationsDir)).rejects.toThrow(
      /failed migrations.*\n.*20250103000000_broken: ERROR: relation "Team" already exists/,
    );

    // What `prisma migrate resolve --rolled-back` does: the next run re-applies the fixed migration.
    await pool.query(`UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE migration_name = '20250103000000_broken'`);
    expect(await applyMigrations(pool, migrationsDir)).toEqual({
      applied: ["20250103000000_broken", "20250104000000_later"],
    });
    expect(await tableExists("Partial")).toBe(true);
  });

  it("refuses to run when an applied migration was edited", async () => {
    await applyMigrations(pool, migrationsDir);
    await writeMigration(migrationsDir, "20250101000000_init", `${INIT}-- an innocent-looking comment\n`);

    await expect(applyMigrations(pool, migrationsDir)).rejects.toThrow(
      /20250101000000_init was modified after it was applied \(checksum [0-9a-f]{64} in the database/,
    );
  });

  it("accepts an applied migration checked out with Windows line endings, as Prisma does", async () => {
    await applyMigrations(pool, migrationsDir);
    await writeMigration(migrationsDir, "20250101000000_init", INIT.replaceAll("\n", "\r\n"));

    expect(await applyMigrations(pool, migrationsDir)).toEqual({ applied: [] });
  });

  it("refuses to run when an applied migration is missing locally", async () => {
    await applyMigrations(pool, migrationsDir);
    await rm(join(migrationsDir, "20250102000000_add_member"), { recursive: true });

    await expect(applyMigrations(pool, migrationsDir)).rejects.toThrow(
      /20250102000000_add_member was applied to the database but is missing from the migrations folder/,
    );
  });

  it("refuses a non-empty database that has no migration history", async () => {
    await pool.query(`CREATE TABLE "Unmanaged" ("id" INTEGER)`);

    await expect(applyMigrations(pool, migrationsDir)).rejects.toThrow(/not empty \(Unmanaged\).*no _prisma_migrations/);
  });

  it("refuses migrations locked to another provider", async () => {
    await writeFile(join(migrationsDir, "migration_lock.toml"), 'provider = "mysql"\n');

    await expect(applyMigrations(pool, migrationsDir)).rejects.toThrow(/provider "mysql"/);
  });

  it("works on a single client as well as a pool, and releases the lock afterwards", async () => {
    const client = await pool.connect();
    try {
      await applyMigrations(client, migrationsDir);
      const { rows } = await client.query<{ held: number }>(
        // pg_locks lists the whole server: other test files migrate their own databases under the same key meanwhile.
        "SELECT count(*)::int AS held FROM pg_locks WHERE locktype = 'advisory' AND objid = 72707369 " +
          "AND database = (SELECT oid FROM pg_database WHERE datname = current_database())",
      );
      expect(rows[0]!.held).toBe(0);
    } finally {
      client.release();
    }
  });
});

describe.runIf(process.env.DATABASE_URL)("applyMigrations on PostgreSQL with concurrent replicas", () => {
  it("applies each migration exactly once", async () => {
    await writeMigration(migrationsDir, "20250103000000_slow", `SELECT pg_sleep(0.3);\nCREATE TABLE "Slow" ("id" INTEGER);\n`);
    const replicas = Array.from({ length: 3 }, () => new pg.Pool({ connectionString: database.url, max: 2 }));
    try {
      const results = await Promise.all(replicas.map((replica) => applyMigrations(replica, migrationsDir)));

      const appliedNames = results.flatMap((result) => result.applied).sort();
      expect(appliedNames).toEqual(["20250101000000_init", "20250102000000_add_member", "20250103000000_slow"]);
      expect((await history()).map((row) => row.migration_name)).toEqual(appliedNames);
    } finally {
      await Promise.all(replicas.map((replica) => replica.end()));
    }
  });
});
