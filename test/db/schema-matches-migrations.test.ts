import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { applyMigrations } from "../../src/db/migrations.js";
import { findSchemaDrift, readPrismaSchemaFiles } from "../support/schema-drift/index.js";
import { createTestDatabase, type TestDatabase } from "../support/test-database.js";

const repoPath = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));

let database: TestDatabase;
let pool: pg.Pool;

beforeAll(async () => {
  database = await createTestDatabase();
  pool = new pg.Pool({ connectionString: database.url, max: 1 });
});

afterAll(async () => {
  await pool.end();
  await database.drop();
});

it("prisma/migrations build exactly the database that prisma/schema describes", async () => {
  await applyMigrations(pool, repoPath("prisma/migrations"));

  const drift = await findSchemaDrift(pool, await readPrismaSchemaFiles(repoPath("prisma/schema")));

  expect(drift, "write a migration in prisma/migrations that brings the database in line with the schema").toEqual([]);
});
