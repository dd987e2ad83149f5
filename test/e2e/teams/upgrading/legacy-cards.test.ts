import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../../../src/core/clock.js";
import { startTestAims, type TestAims } from "../../../support/aims-harness.js";
import { channelConversation, TEAMS_APPROVALS_CONVERSATION, TEAMS_APPROVERS, TEAMS_EMPLOYEE } from "../../../support/teams-activities.js";
import { cardText, expectCardResponse, submitTeamsRequest } from "../teams-steps.js";
import { cardsAbout, sayHello, TEAMS_AIMS_OWNER, TEAMS_REVIEW_OWNER, TEAMS_SCHEDULING_ENV, tick } from "../scheduling/teams-scheduling-steps.js";

/** Cards the version before the conversation layer posted: its verbs and data, written by hand. */
const clock = fixedClock(new Date("2027-02-01T10:00:00Z"));
let t: TestAims;

beforeAll(async () => {
  t = await startTestAims({ clock, teams: true, slack: false, env: TEAMS_SCHEDULING_ENV });
  expect((await t.teams.install(TEAMS_APPROVERS[0], channelConversation())).status).toBe(200);
  for (const who of [TEAMS_REVIEW_OWNER, TEAMS_AIMS_OWNER]) await sayHello(t, who);
});
afterAll(async () => {
  await t?.stop();
});

describe("buttons on cards posted by the previous version (Teams)", () => {
  it("an old Approve (request.approve with reference and revision) approves the request exactly once", async () => {
    const { reference, approval } = await submitTeamsRequest(t, TEAMS_EMPLOYEE);
    const old = { verb: "request.approve", data: { reference, revision: 1 }, replyToId: approval.responseId!, conversation: { id: TEAMS_APPROVALS_CONVERSATION, type: "channel" as const } };
    const clicks = await Promise.all(TEAMS_APPROVERS.map((approver) => t.teams.invoke(approver, old)));
    expect(clicks.map((click) => click.status)).toEqual(TEAMS_APPROVERS.map(() => 200));

    const request = await t.aims.core.prisma.aiToolRequest.findUniqueOrThrow({ where: { reference } });
    expect(request.status).toBe("approved");
    expect(await t.aims.core.prisma.requestDecision.count({ where: { request: { reference } } })).toBe(1);
    expect(await t.aims.core.prisma.auditEvent.count({ where: { entityId: reference, action: "request.approved" } })).toBe(1);
  });

  it("an old Snooze (due.snooze with the period in its data) snoozes for that period; an old Mark done records the evidence", async () => {
    const saved = await t.aims.core.scheduling.reviews.saveSchedule(
      { channel: "teams", id: TEAMS_AIMS_OWNER.aadObjectId },
      { kind: "other", title: "Old card review", ownerId: TEAMS_REVIEW_OWNER.aadObjectId, intervalMonths: 12, nextDueAt: "2027-03-10" },
    );
    if (saved.kind !== "saved") throw new Error(JSON.stringify(saved));
    clock.set(new Date("2027-03-10T10:00:00Z"));
    await tick(t);
    expect(cardsAbout(t, TEAMS_REVIEW_OWNER, saved.schedule.reference).length).toBeGreaterThan(0);
    const key = `review|${saved.schedule.reference}|${saved.schedule.nextDueAt.toISOString()}`;

    const snoozed = await t.teams.invoke(TEAMS_REVIEW_OWNER, { verb: "due.snooze", data: { key, period: "week" } });
    expect(cardText(expectCardResponse(snoozed.body))).toContain("Snoozed for a week");
    const occurrence = await t.aims.core.prisma.dueItemOccurrence.findFirstOrThrow({ where: { itemId: saved.schedule.reference } });
    expect(occurrence.snoozeCount).toBe(1);

    const done = await t.teams.invoke(TEAMS_REVIEW_OWNER, { verb: "due.done", data: { key, note: "Reviewed before the upgrade" } });
    expect(cardText(expectCardResponse(done.body))).toContain("Marked done");
    const completed = await t.aims.core.prisma.dueItemOccurrence.findFirstOrThrow({ where: { itemId: saved.schedule.reference } });
    expect(completed.completedById).toBe(TEAMS_REVIEW_OWNER.aadObjectId);
  });

  it("every verb the previous version's cards carried still reaches a handler", async () => {
    // The Action.Execute verbs of the cards as of dccd4d2 (scheduling, assessments, requests).
    const oldVerbs = [
      "due.done", "due.snooze", "due.reassign", "objective.checkin", "review.schedule.save", "objective.save",
      "assessment.start", "assessment.resume", "assessment.start_for_request", "assessment.start_reassessment", "assessment.next",
      "assessment.back", "assessment.go_to_step", "assessment.submit", "assessment.sign_off", "assessment.send_back",
      "request.submit", "request.resubmit", "request.edit", "request.approve", "request.approve_conditions", "request.reject", "request.changes",
    ];
    for (const verb of oldVerbs) {
      const { status, body } = await t.teams.invoke(TEAMS_REVIEW_OWNER, { verb, data: {} });
      expect(status, verb).toBe(200);
      expect(JSON.stringify(body), verb).not.toContain("no longer supported");
    }
  });
});
