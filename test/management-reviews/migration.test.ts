import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations } from "../../src/db/migrations.js";
import { databaseBefore, PROJECT_MIGRATIONS as MIGRATIONS } from "../db/migration-fixtures.js";

let pool: pg.Pool;
let before: string;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ pool, before, close } = await databaseBefore("20261207030000_management_reviews"));
});
afterAll(async () => {
  await close?.();
});

describe("migrating review schedules to management reviews", () => {
  it("keeps each active management-review schedule's date as a scheduled review and stops the schedule", async () => {
    await applyMigrations(pool, before);
    const schedule = (reference: string, kind: string, nextDueAt: string, active = true) =>
      pool.query(
        `INSERT INTO "ReviewSchedule" ("reference", "kind", "title", "ownerChannel", "ownerId", "ownerName", "intervalMonths", "nextDueAt", "active", "controls", "updatedAt")
         VALUES ($1, $2::"ReviewKind", $3, 'slack', 'UOWNER1', 'Olive', 6, $4, $5, ARRAY['9.3'], now())`,
        [reference, kind, `${kind} ${reference}`, nextDueAt, active],
      );
    await schedule("REV-0001", "ai_policy", "2027-03-01T09:00:00Z");
    await schedule("REV-0002", "management_review", "2027-02-15T09:00:00Z");
    await schedule("REV-0003", "management_review", "2027-05-01T09:00:00Z", false);
    await schedule("REV-0004", "management_review", "2027-08-01T09:00:00Z");

    await applyMigrations(pool, MIGRATIONS);

    const { rows } = await pool.query(`SELECT "reference", "title", "scheduledAt", "status", "organiserId", "reviewers", "intervalMonths", "fromSchedule", "controls" FROM "ManagementReview" ORDER BY "id"`);
    expect(rows).toEqual([
      {
        reference: "MR-0001",
        title: "management_review REV-0002",
        scheduledAt: new Date("2027-02-15T09:00:00Z"),
        status: "scheduled",
        organiserId: "UOWNER1",
        reviewers: [{ channel: "slack", id: "UOWNER1", name: "Olive" }],
        intervalMonths: 6,
        fromSchedule: "REV-0002",
        controls: ["9.3"],
      },
      expect.objectContaining({ reference: "MR-0002", scheduledAt: new Date("2027-08-01T09:00:00Z"), fromSchedule: "REV-0004" }),
    ]);
    const active = await pool.query(`SELECT "reference", "active" FROM "ReviewSchedule" ORDER BY "reference"`);
    expect(active.rows).toEqual([
      { reference: "REV-0001", active: true },
      { reference: "REV-0002", active: false },
      { reference: "REV-0003", active: false },
      { reference: "REV-0004", active: false },
    ]);
    const counter = await pool.query(`SELECT "lastValue" FROM "ReferenceCounter" WHERE "prefix" = 'MR'`);
    expect(counter.rows).toEqual([{ lastValue: 2 }]);
  });
});
