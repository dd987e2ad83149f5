import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Prisma } from "../../src/db/database.js";
import { auditResultsFromInternalAudits } from "../../src/features/internal-audits/audit-results-input.js";
import { assembleInputs, type ReviewPeriod } from "../../src/features/management-reviews/management-review-inputs.js";
import { nonconformitiesInput } from "../../src/features/nonconformities/nonconformity-review-input.js";
import { openMigratedDatabase, type MigratedDatabase } from "../evidence/support/migrated-database.js";

const at = (iso: string) => new Date(iso);
const period: ReviewPeriod = { from: at("2027-01-01T00:00:00Z"), to: at("2027-04-01T00:00:00Z"), previousFrom: at("2026-10-01T00:00:00Z"), reviewId: 0, zone: "Europe/London" };
const person = { channel: "slack" as const, id: "UPERSON" };

let db: MigratedDatabase;
let prisma: Prisma;

beforeAll(async () => {
  db = await openMigratedDatabase();
  prisma = db.database.prisma;
});
afterAll(async () => {
  await db?.close();
});

async function audit(reference: string, status: "planned" | "in_progress" | "reported", reportedAt: Date | null, findings: [string, "conforming" | "observation" | "improvement" | "minor_nc" | "major_nc", string][]) {
  await prisma.internalAudit.create({
    data: {
      reference,
      title: `Audit ${reference}`,
      scope: findings.map(([item]) => item),
      auditorChannel: "slack",
      auditorId: "UAUDITOR",
      plannedStart: at("2027-01-10T00:00:00Z"),
      plannedEnd: at("2027-01-11T00:00:00Z"),
      status,
      plannedByChannel: "slack",
      plannedById: "UOWNER",
      reportedAt,
      controls: ["9.2"],
      createdAt: at("2027-01-01T00:00:00Z"),
      findings: {
        create: findings.map(([item, kind, note]) => ({ item, kind, note, evidenceLinks: [], recordedByChannel: "slack", recordedById: "UAUDITOR", recordedAt: at("2027-01-10T00:00:00Z"), controls: ["9.2"] })),
      },
    },
  });
}

async function nonconformity(reference: string, status: "open" | "checking" | "closed", createdAt: Date, closedAt: Date | null = null) {
  return prisma.nonconformity.create({
    data: {
      reference,
      submissionKey: reference,
      sourceKind: "manual",
      description: `Nonconformity ${reference}`,
      status,
      ownerChannel: "slack",
      ownerId: "UOWNER",
      raisedByChannel: "slack",
      raisedById: "UOWNER",
      closedAt,
      controls: ["10.2"],
      createdAt,
    },
  });
}

describe("management review inputs from the audit programme and the nonconformity log (9.3.2 c)", () => {
  it("says when nothing is recorded", async () => {
    const [audits, ncs] = await assembleInputs(prisma, [auditResultsFromInternalAudits, nonconformitiesInput], period);
    expect(audits!.lines).toEqual(["No internal audit reported in the period.", "Internal audits planned or in progress: 0."]);
    expect(ncs!.lines).toEqual([
      "Nonconformities: 0 open, 0 awaiting their effectiveness check; 0 raised and 0 closed in the period.",
      "Effectiveness checks in the period: 0 effective, 0 not effective (reopened).",
      "Corrective actions: 0 open (0 overdue), 0 done in the period.",
    ]);
  });

  it("assembles audits reported in the period with findings by kind, and nonconformities, checks and actions", async () => {
    await audit("AUD-0001", "reported", at("2027-02-01T00:00:00Z"), [
      ["9.2", "major_nc", "No audit programme"],
      ["A.2.2", "minor_nc", "Policy not reviewed"],
      ["5.2", "conforming", "Policy approved"],
      ["6.1", "observation", "Risk criteria vague"],
    ]);
    await audit("AUD-0002", "reported", at("2026-12-01T00:00:00Z"), [["9.3", "major_nc", "Before the period"]]);
    await audit("AUD-0003", "planned", null, [["10.2", "conforming", "not yet"]]);

    const open = await nonconformity("NC-0001", "open", at("2027-02-02T00:00:00Z"));
    await nonconformity("NC-0002", "checking", at("2026-11-02T00:00:00Z"));
    const closed = await nonconformity("NC-0003", "closed", at("2026-12-02T00:00:00Z"), at("2027-03-01T00:00:00Z"));
    const check = { note: "checked", checkerChannel: "slack" as const, checkerId: "UOWNER", checkedAt: at("2027-02-15T00:00:00Z"), controls: ["10.2"] };
    await prisma.effectivenessCheck.create({ data: { ...check, nonconformityId: closed.id, effective: false } });
    await prisma.effectivenessCheck.create({ data: { ...check, nonconformityId: closed.id, effective: true, checkedAt: at("2027-03-01T00:00:00Z") } });
    const action = { ...{ ownerChannel: person.channel, ownerId: person.id, ownerName: "Pat" }, createdById: "UOWNER", createdByChannel: "slack" as const, controls: ["10.2"] };
    await prisma.correctiveAction.create({ data: { ...action, nonconformityId: open.id, description: "Write the audit programme", dueDate: at("2027-03-01T00:00:00Z") } });
    await prisma.correctiveAction.create({ data: { ...action, nonconformityId: open.id, description: "Publish the criteria", dueDate: at("2027-05-01T00:00:00Z") } });
    await prisma.correctiveAction.create({ data: { ...action, nonconformityId: closed.id, description: "Done one", dueDate: at("2027-02-01T00:00:00Z"), status: "done", completedAt: at("2027-02-10T00:00:00Z") } });

    const [audits, ncs] = await assembleInputs(prisma, [auditResultsFromInternalAudits, nonconformitiesInput], period);
    expect(audits).toMatchObject({ id: "audit-results", title: "9.3.2 c) Audit results" });
    expect(audits!.lines).toEqual([
      "Internal audits reported: 1 (AUD-0001 Audit AUD-0001).",
      "Findings: 1 major nonconformity, 1 minor nonconformity, 1 observation, 0 opportunity for improvement, 1 conforming.",
      "Major nonconformity in AUD-0001 on 9.2: No audit programme",
      "Minor nonconformity in AUD-0001 on A.2.2: Policy not reviewed",
      "Internal audits planned or in progress: 1.",
    ]);
    expect(ncs).toMatchObject({ id: "corrective-actions", title: "9.3.2 c) Nonconformities and corrective actions" });
    expect(ncs!.lines).toEqual([
      "Nonconformities: 1 open, 1 awaiting their effectiveness check; 1 raised and 1 closed in the period.",
      "Effectiveness checks in the period: 1 effective, 1 not effective (reopened).",
      "Corrective actions: 2 open (1 overdue), 1 done in the period.",
      "Overdue: NC-0001: Write the audit programme (owner: Pat)",
    ]);
  });
});
