import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../../../src/core/clock.js";
import { startTestAims, type TestAims } from "../../../support/aims-harness.js";
import type { ConnectorCall } from "../../../support/fake-bot-connector/index.js";
import { VALID_REQUEST } from "../../../support/request-form-state.js";
import { channelConversation, personalChatId, TEAMS_APPROVERS, TEAMS_EMPLOYEE, type TeamsPerson } from "../../../support/teams-activities.js";
import { cardIn, cardText, clickTeamsDecision, expectCardResponse, submitTeamsRequest } from "../teams-steps.js";
import { sayHello, TEAMS_AIMS_OWNER, TEAMS_MANAGERS_CONVERSATION, TEAMS_SCHEDULING_ENV, tick } from "./teams-scheduling-steps.js";

// Monday 10:00 in London (BST); the default policy: one approver stage, due in 16 working hours, escalating 8 later.
const clock = fixedClock(new Date("2027-06-07T09:00:00Z"));
let t: TestAims;

beforeAll(async () => {
  t = await startTestAims({ clock, teams: true, slack: false, env: TEAMS_SCHEDULING_ENV });
  expect((await t.teams.install(TEAMS_APPROVERS[0], channelConversation())).status).toBe(200);
  for (const who of [...TEAMS_APPROVERS, TEAMS_AIMS_OWNER, TEAMS_EMPLOYEE]) await sayHello(t, who);
});
afterAll(async () => {
  await t?.stop();
});

async function at(iso: string) {
  clock.set(new Date(iso));
  await tick(t);
}

/** Cards sent to this person's personal chat naming the request's approval stage reminder. */
const sentAbout = (who: TeamsPerson, reference: string): ConnectorCall[] =>
  t.teams.connector
    .accepted("send")
    .filter((call) => call.conversationId === personalChatId(who) && Array.isArray(call.body.attachments) && cardText(call.body).includes(`Decide ${reference}`));

describe("approval stage deadlines, in Teams", () => {
  it("reminds the approvers when the stage is due in working hours, escalates after the grace, settles on the decision, and lists waiting stages in the digest", async () => {
    const slow = await submitTeamsRequest(t, TEAMS_EMPLOYEE, { ...VALID_REQUEST, toolName: "Slow in Teams" });
    const quick = await submitTeamsRequest(t, TEAMS_EMPLOYEE, { ...VALID_REQUEST, toolName: "Quick in Teams" });
    const waiting = await submitTeamsRequest(t, TEAMS_EMPLOYEE, { ...VALID_REQUEST, toolName: "Left waiting in Teams" });
    expectCardResponse((await clickTeamsDecision(t, TEAMS_APPROVERS[1], { card: quick.approvalCard, activityId: quick.approval.responseId! }, "request.approve")).body);

    // Monday 10:00 + 16 working hours (7 on Monday, 8 on Tuesday, 1 on Wednesday) = Wednesday 10:00 London.
    await at("2027-06-09T08:59:00Z");
    for (const approver of TEAMS_APPROVERS) expect(sentAbout(approver, slow.reference)).toEqual([]);
    await at("2027-06-09T09:00:00Z");
    for (const approver of TEAMS_APPROVERS) {
      expect(sentAbout(approver, slow.reference)).toHaveLength(1);
      expect(cardText(sentAbout(approver, slow.reference)[0]!.body)).toContain(`Decide ${slow.reference} (Slow in Teams) at the Approver stage`);
      expect(sentAbout(approver, quick.reference)).toEqual([]);
    }
    expect(sentAbout(TEAMS_EMPLOYEE, slow.reference)).toEqual([]);
    expect(sentAbout(TEAMS_AIMS_OWNER, slow.reference)).toEqual([]);

    await at("2027-06-10T08:59:00Z");
    expect(sentAbout(TEAMS_AIMS_OWNER, slow.reference)).toEqual([]);
    await at("2027-06-10T09:00:00Z");
    const [escalation] = sentAbout(TEAMS_AIMS_OWNER, slow.reference);
    expect(cardText(escalation!.body)).toContain("Escalation: past its deadline and the 8-working-hour grace period");
    expect(sentAbout(TEAMS_AIMS_OWNER, waiting.reference)).toHaveLength(1);

    expectCardResponse((await clickTeamsDecision(t, TEAMS_APPROVERS[0], { card: slow.approvalCard, activityId: slow.approval.responseId! }, "request.approve")).body);
    const settled = await t.teams.connector.waitFor("update", (call) => call.activityId === escalation!.responseId && cardText(call.body).includes("Done by"));
    expect(cardText(settled.body)).toContain(`Done by ${TEAMS_APPROVERS[0].name}`);

    // The weekly digest (Monday 09:00 London) names the stage still waiting, since when, and that it is overdue.
    await at("2027-06-11T09:00:00Z");
    const fresh = await submitTeamsRequest(t, TEAMS_EMPLOYEE, { ...VALID_REQUEST, toolName: "Fresh in Teams" });
    await at("2027-06-14T08:00:00Z");
    const digest = await t.teams.connector.waitFor("send", (call) => call.conversationId === TEAMS_MANAGERS_CONVERSATION && cardText(call.body).includes("Requests waiting, per stage"));
    const text = cardText(cardIn(digest));
    expect(text).toContain(`Approver: ${waiting.reference} (Left waiting in Teams), waiting since 2027-06-07, overdue`);
    expect(text).toContain(`Approver: ${fresh.reference} (Fresh in Teams), waiting since 2027-06-11`);
    expect(text).not.toContain("(Fresh in Teams), waiting since 2027-06-11, overdue");
    expect(text).not.toContain(slow.reference);
    expect(text).not.toContain(quick.reference);
  });
});
