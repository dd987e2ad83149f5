import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../../../src/core/clock.js";
import { EMPLOYEE, startTestAims, type TestAims } from "../../../support/aims-harness.js";
import { stepLine } from "../assessments/teams-assessment-steps.js";
import { expectCardResponse, inputsOf } from "../teams-steps.js";
import { allActions, cardsAbout, clickCard, sayHello, TEAMS_REVIEW_OWNER, TEAMS_SCHEDULING_ENV, tick } from "./teams-scheduling-steps.js";
import { seedAiSystem, seedAssessment } from "../../../support/register-fixtures.js";

const clock = fixedClock(new Date("2027-03-01T11:00:00Z")); // a Monday, 11:00 in London
const PURPOSE = "Ranks job applicants' CVs for recruiters.";
let t: TestAims;

beforeAll(async () => {
  t = await startTestAims({ clock, teams: true, slack: false, env: TEAMS_SCHEDULING_ENV });
  await sayHello(t, TEAMS_REVIEW_OWNER);
});
afterAll(async () => {
  await t?.stop();
});

/** An AI system owned in Teams whose last signed-off assessment is due for re-assessment on 15 March. */
async function seedSystemDueForReassessment() {
  const system = await seedAiSystem(t.aims.core.prisma, { reference: "SYS-9101", ownerChannel: "teams", ownerId: TEAMS_REVIEW_OWNER.aadObjectId });
  const signedOff = await seedAssessment(t.aims.core.prisma, {
    reference: "ASM-9101",
    aiSystemId: system.id,
    answers: { purpose: PURPOSE },
    status: "signed_off",
    assessorId: EMPLOYEE,
    signedOffAt: new Date("2026-09-15T00:00:00Z"),
    nextReassessmentAt: new Date("2027-03-15T00:00:00Z"),
  });
  return { system, signedOff };
}

describe("impact re-assessment reminders in Teams", () => {
  it("offer Start re-assessment, which answers with the first step pre-filled from the signed-off assessment", async () => {
    const { system, signedOff } = await seedSystemDueForReassessment();

    await tick(t);
    const [reminder] = cardsAbout(t, TEAMS_REVIEW_OWNER, system.reference);
    const titles = allActions(reminder! as never).map((action) => action.title);
    expect(titles).toContain("Start re-assessment");
    expect(titles).not.toContain("Mark done");

    const clicked = await clickCard(t, TEAMS_REVIEW_OWNER, reminder!, "assessment.start_reassessment");
    const step = expectCardResponse(clicked.body);
    expect(stepLine(step)).toContain("Step 1 of");
    expect(inputsOf(step).find((input) => input.id === "q.purpose")!.value).toBe(PURPOSE);

    const started = await t.aims.core.prisma.impactAssessment.findFirstOrThrow({ where: { aiSystemId: system.id, status: "draft" } });
    expect(started).toMatchObject({ trigger: "scheduled", previousAssessmentId: signedOff.id, assessorChannel: "teams", assessorId: TEAMS_REVIEW_OWNER.aadObjectId });
  });
});
