import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../../../src/core/clock.js";
import { EMPLOYEE, startTestAims, type TestAims } from "../../../support/aims-harness.js";
import { MANAGERS_CHANNEL, SCHEDULING_ENV, tick } from "./scheduling-steps.js";

const clock = fixedClock(new Date("2027-06-07T08:00:20Z")); // Monday 09:00 in London (BST)
let t: TestAims;

beforeAll(async () => {
  t = await startTestAims({ clock, env: SCHEDULING_ENV });
});
afterAll(async () => {
  await t?.stop();
});

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const CONCERN_TEXT = "Confidential: the forecasting model leaks salaries";
let seeded = 0;

async function seedAssessedSystem(fields: { status: "signed_off" | "submitted"; nextReassessmentAt?: Date }) {
  seeded += 1;
  const system = await t.aims.core.prisma.aiSystem.create({
    data: {
      reference: `SYS-91${String(seeded).padStart(2, "0")}`,
      name: `System ${seeded}`,
      vendor: "Acme",
      purpose: "Forecasting",
      dataCategories: ["internal"],
      orgRole: "ai_user",
      riskTier: "medium",
      ownerChannel: "slack",
      ownerId: EMPLOYEE,
      approvedAt: day("2026-01-01"),
      nextReviewAt: day("2028-01-01"),
      controls: [],
    },
  });
  await t.aims.core.prisma.impactAssessment.create({
    data: {
      reference: `ASM-91${String(seeded).padStart(2, "0")}`,
      aiSystemId: system.id,
      trigger: "initial",
      definitionId: "default",
      definitionVersion: "1",
      answers: {},
      level: "medium",
      reasons: [],
      assessorChannel: "slack",
      assessorId: EMPLOYEE,
      controls: [],
      status: fields.status,
      signedOffAt: fields.status === "signed_off" ? day("2026-06-01") : null,
      nextReassessmentAt: fields.nextReassessmentAt ?? null,
    },
  });
}

async function seedConcern(reference: string, acknowledgeBy: string) {
  return t.aims.core.prisma.concern.create({
    data: {
      reference,
      anonymous: true,
      category: "privacy",
      description: CONCERN_TEXT,
      receivedOn: day("2027-06-01"),
      acknowledgeBy: day(acknowledgeBy),
      resolveBy: day("2027-07-01"),
      controls: [],
    },
  });
}

async function seedIncident(reference: string, fields: { severity: "sev1" | "sev2"; status: "open" | "investigating"; createdAt: Date }) {
  return t.aims.core.prisma.incident.create({
    data: {
      reference,
      submissionKey: reference,
      title: `Incident ${reference}`,
      affectedSystem: "Forecaster",
      description: "Wrong forecasts",
      detectedAt: fields.createdAt,
      harmedParties: ["organisation"],
      containment: "Paused",
      externalReporting: [],
      reporterChannel: "slack",
      reporterId: EMPLOYEE,
      controls: [],
      ...fields,
    },
  });
}

const digestPosts = () => t.fake.callsTo("chat.postMessage").filter((call) => call.args.channel === MANAGERS_CHANNEL);
const bodyOf = (call: { args: Record<string, unknown> }) => JSON.stringify(call.args.blocks);

describe("weekly digest: assessments, concerns and incidents", () => {
  it("counts re-assessments overdue, open concerns by status and incidents by severity and status", async () => {
    await seedAssessedSystem({ status: "signed_off", nextReassessmentAt: day("2027-06-01") });
    await seedConcern("CON-9001", "2027-06-09");
    await seedIncident("INC-9001", { severity: "sev2", status: "investigating", createdAt: day("2027-05-20") });

    await tick(t);
    expect(digestPosts()).toHaveLength(1);
    const body = bodyOf(digestPosts()[0]!);
    expect(body).toContain("*Impact assessments*");
    expect(body).toContain("Re-assessments overdue: *1*");
    expect(body).toContain("*AI concerns*");
    expect(body).toContain("Received, not yet acknowledged: *1*");
    expect(body).toContain("*AI incidents*");
    expect(body).toContain("SEV2 (major) not closed: *1*");
    expect(body).toContain("Investigating: *1*");
    expect(body).not.toContain(CONCERN_TEXT);
  });

  it("shows the change since last week, and never a concern's content", async () => {
    await seedAssessedSystem({ status: "signed_off", nextReassessmentAt: day("2027-06-20") });
    await seedAssessedSystem({ status: "submitted" });
    await t.aims.core.prisma.concern.update({ where: { reference: "CON-9001" }, data: { status: "acknowledged", acknowledgedAt: day("2027-06-08") } });
    await seedConcern("CON-9002", "2027-06-11");
    const closed = await t.aims.core.prisma.incident.update({ where: { reference: "INC-9001" }, data: { status: "closed", closedAt: day("2027-06-12") } });
    await seedIncident("INC-9002", { severity: "sev1", status: "open", createdAt: day("2027-06-10") });
    await t.aims.core.prisma.correctiveAction.create({
      data: { incidentId: closed.id, description: "Add a review step", ownerChannel: "slack", ownerId: EMPLOYEE, dueDate: day("2027-06-10"), createdById: EMPLOYEE, createdByChannel: "slack", controls: [] },
    });

    clock.set(new Date("2027-06-14T08:00:20Z"));
    await tick(t);
    expect(digestPosts()).toHaveLength(2);
    const body = bodyOf(digestPosts()[1]!);
    for (const line of [
      "Re-assessments overdue: *1* (no change)",
      "Re-assessments due in the next 30 days: *1* (+1 since last week)",
      "Waiting for sign-off: *1* (+1 since last week)",
      "Received, not yet acknowledged: *1* (no change)",
      "Acknowledged: *1* (+1 since last week)",
      "Past the acknowledgement deadline: *1* (+1 since last week)",
      "SEV1 (critical) not closed: *1* (+1 since last week)",
      "SEV2 (major) not closed: *0* (−1 since last week)",
      "Open: *1* (+1 since last week)",
      "Investigating: *0* (−1 since last week)",
      "Reported this week: *1* (+1 since last week)",
      "Closed this week: *1* (+1 since last week)",
      "Corrective actions overdue: *1* (+1 since last week)",
    ]) {
      expect(body).toContain(line);
    }
    expect(body).not.toContain(CONCERN_TEXT);
    expect(body).not.toContain("CON-900");
  });
});
