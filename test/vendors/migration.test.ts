import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations } from "../../src/db/migrations.js";
import { databaseBefore, PROJECT_MIGRATIONS as MIGRATIONS } from "../db/migration-fixtures.js";

let pool: pg.Pool;
let before: string;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ pool, before, close } = await databaseBefore("20261207070000_vendors"));
});
afterAll(async () => {
  await close?.();
});

describe("migrating vendor names to vendor records", () => {
  it("creates one vendor per distinct name (whatever its case) of the register and requests, links them and keeps the text", async () => {
    await applyMigrations(pool, before);
    const request = (reference: string, vendor: string) =>
      pool.query(
        `INSERT INTO "AiToolRequest" ("reference","submissionKey","requesterChannel","requesterId","toolName","vendor","purpose","intendedUsers","userCount","dataCategories","customerFacing","decidesAboutPeople","orgRole","riskTier","riskReasons","controls","updatedAt")
         VALUES ($1, $1, 'slack', 'U1', 'Tool', $2, 'p', 'everyone', 3, ARRAY['public'], false, false, 'ai_user', 'low', ARRAY[]::text[], ARRAY['A.9.2'], now())`,
        [reference, vendor],
      );
    const system = (reference: string, vendor: string) =>
      pool.query(
        `INSERT INTO "AiSystem" ("reference","name","vendor","purpose","dataCategories","orgRole","riskTier","ownerChannel","ownerId","approvedAt","nextReviewAt","controls","updatedAt")
         VALUES ($1, 'Tool', $2, 'p', ARRAY['public'], 'ai_user', 'low', 'slack', 'U1', now(), now(), ARRAY['A.4.2'], now())`,
        [reference, vendor],
      );
    await request("REQ-0001", "OpenAI");
    await request("REQ-0002", " openai ");
    await system("SYS-0001", "Anthropic");
    await system("SYS-0002", "OPENAI");

    await applyMigrations(pool, MIGRATIONS);

    const vendors = await pool.query(`SELECT "id", "reference", "name", "nameKey", "status", "ownerId", "controls" FROM "Vendor" ORDER BY "reference"`);
    expect(vendors.rows.map(({ id: _, ...vendor }) => vendor)).toEqual([
      { reference: "VEN-0001", name: "Anthropic", nameKey: "anthropic", status: "not_reviewed", ownerId: null, controls: ["A.10.2", "A.10.3"] },
      { reference: "VEN-0002", name: "OPENAI", nameKey: "openai", status: "not_reviewed", ownerId: null, controls: ["A.10.2", "A.10.3"] },
    ]);
    const idOf = (reference: string) => vendors.rows.find((row) => row.reference === reference)!.id;
    const linked = await pool.query(
      `SELECT "reference", "vendor", "vendorId" FROM "AiToolRequest" UNION ALL SELECT "reference", "vendor", "vendorId" FROM "AiSystem" ORDER BY "reference"`,
    );
    expect(linked.rows).toEqual([
      { reference: "REQ-0001", vendor: "OpenAI", vendorId: idOf("VEN-0002") },
      { reference: "REQ-0002", vendor: " openai ", vendorId: idOf("VEN-0002") },
      { reference: "SYS-0001", vendor: "Anthropic", vendorId: idOf("VEN-0001") },
      { reference: "SYS-0002", vendor: "OPENAI", vendorId: idOf("VEN-0002") },
    ]);
    const counter = await pool.query(`SELECT "lastValue" FROM "ReferenceCounter" WHERE "prefix" = 'VEN'`);
    expect(counter.rows).toEqual([{ lastValue: 2 }]);
  });
});
