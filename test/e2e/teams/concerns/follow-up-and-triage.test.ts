import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FOLLOW_UP_DENIED, FOLLOW_UP_RATE_LIMITED } from "../../../../src/features/concerns/concern-follow-up.js";
import { fixedClock } from "../../../../src/core/clock.js";
import { SLACK_IDS } from "../../../../src/channels/slack/ids.js";
import { eventually } from "../../../support/eventually.js";
import { startTestAims, type TestAims } from "../../../support/aims-harness.js";
import { personalChatId, TEAMS_EMPLOYEE, TEAMS_OTHER } from "../../../support/teams-activities.js";
import { cardText, expectCardResponse, expectMessageResponse } from "../teams-steps.js";
import {
  clickTriage,
  credentialsOn,
  fileTeamsConcern,
  openTeamsFollowUp,
  START,
  TEAMS_CONCERN_ENV,
  TEAMS_TRIAGE_CONVERSATION,
  TEAMS_TRIAGERS,
  teamsTriagePost,
  triageConversation,
} from "./teams-concern-steps.js";

const SLACK_TRIAGE_CHANNEL = "C0TRIAGE";

let t: TestAims;
beforeAll(async () => {
  t = await startTestAims({
    teams: true,
    env: { ...TEAMS_CONCERN_ENV, SLACK_TRIAGE_CHANNEL, AIMS_TRIAGERS: "UTRIAGER1" },
    clock: fixedClock(START),
  });
  expect((await t.teams.install(TEAMS_TRIAGERS[0], triageConversation)).status).toBe(200);
}, 180_000);
afterAll(async () => {
  await t?.stop();
});

describe("Teams concern follow-up by case code and secret", () => {
  it("answers a wrong secret exactly like an unknown code, and stops guessing after the limit", async () => {
    const receipt = await fileTeamsConcern(t, TEAMS_OTHER, { description: "An AI note-taker recorded a private HR call.", category: "privacy", anonymous: true });
    const { code, secret } = credentialsOn(receipt);

    const wrongSecret = cardText(await openTeamsFollowUp(t, TEAMS_OTHER, code, "WRONG-SECRET-0000"));
    const unknownCode = cardText(await openTeamsFollowUp(t, TEAMS_OTHER, "ZZZZ-ZZZZ-ZZZZ", secret));
    expect(wrongSecret).toContain(FOLLOW_UP_DENIED);
    expect(unknownCode).toContain(FOLLOW_UP_DENIED);
    expect(wrongSecret).not.toContain("CON-");
    expect(unknownCode).not.toContain("CON-");

    expect(cardText(await openTeamsFollowUp(t, TEAMS_OTHER, code, secret))).toContain("Received");
    for (let attempt = 0; attempt < 2; attempt++) await openTeamsFollowUp(t, TEAMS_OTHER, code, "WRONG-SECRET-0000");
    // Five tries of this code in the window: even the right secret is now refused.
    const limited = cardText(await openTeamsFollowUp(t, TEAMS_OTHER, code, secret));
    expect(limited).toContain(FOLLOW_UP_RATE_LIMITED);
    expect(limited).not.toContain("Received");
  });
});

describe("Teams triage of a named concern", () => {
  it("does not let a triager triage the named concern they raised; another triager can", async () => {
    await fileTeamsConcern(t, TEAMS_TRIAGERS[0], { description: "The rota bot schedules me at night only.", category: "other" });
    const triage = await teamsTriagePost(t, "at night only");
    const own = await clickTriage(t, TEAMS_TRIAGERS[0], "concern.acknowledge", triage.reference, triage.activityId);
    expect(expectMessageResponse(own.body)).toContain("You raised this concern, so another triager has to handle it.");
    const ownQuestion = await clickTriage(t, TEAMS_TRIAGERS[0], "concern.ask", triage.reference, triage.activityId, { question: "Me?" });
    expect(expectMessageResponse(ownQuestion.body)).toContain("You raised this concern");
    expect((await t.aims.core.concerns.find(triage.reference))?.status).toBe("received");
    const other = await clickTriage(t, TEAMS_TRIAGERS[1], "concern.acknowledge", triage.reference, triage.activityId);
    expect(cardText(expectCardResponse(other.body))).toContain("Acknowledged");
  });

  it("lets only triagers act, updates the triage messages in Teams and Slack in place, and keeps the named reporter posted", async () => {
    const receipt = await fileTeamsConcern(t, TEAMS_EMPLOYEE, { description: "The hiring assistant rejects every CV with a gap year.", category: "bias" });
    expect(cardText(receipt)).toMatch(/Your AI concern \*\*CON-\d{4}\*\* was received/);
    const triage = await teamsTriagePost(t, "gap year");
    expect(cardText(triage.card)).toContain(TEAMS_EMPLOYEE.name);
    const slackPost = await t.fake.waitFor("chat.postMessage", (c) => c.args.channel === SLACK_TRIAGE_CHANNEL && JSON.stringify(c.args).includes("gap year"));

    const refused = await clickTriage(t, TEAMS_EMPLOYEE, "concern.acknowledge", triage.reference, triage.activityId);
    expect(expectMessageResponse(refused.body)).toContain("Only the AIMS triagers");
    expect((await t.aims.core.concerns.find(triage.reference))?.status).toBe("received");

    const acknowledged = await clickTriage(t, TEAMS_TRIAGERS[0], "concern.acknowledge", triage.reference, triage.activityId);
    expect(cardText(expectCardResponse(acknowledged.body))).toContain("Acknowledged");
    await t.teams.connector.waitFor("update", (c) => c.conversationId === TEAMS_TRIAGE_CONVERSATION && c.activityId === triage.activityId && cardText(c.body).includes("Acknowledged"));
    await t.fake.waitFor("chat.update", (c) => c.args.ts === slackPost.response.ts && JSON.stringify(c.args).includes("Acknowledged"));
    await t.teams.connector.waitFor("send", (c) => c.conversationId === personalChatId(TEAMS_EMPLOYEE) && cardText(c.body).includes("acknowledged your concern"));

    const twice = await clickTriage(t, TEAMS_TRIAGERS[1], "concern.acknowledge", triage.reference, triage.activityId);
    expect(expectMessageResponse(twice.body)).toContain("already acknowledged");

    await clickTriage(t, TEAMS_TRIAGERS[0], "concern.ask", triage.reference, triage.activityId, { question: "Which job adverts?" });
    const question = await t.teams.connector.waitFor("send", (c) => c.conversationId === personalChatId(TEAMS_EMPLOYEE) && cardText(c.body).includes("Which job adverts?"));
    const answer = await t.teams.invoke(TEAMS_EMPLOYEE, { verb: "concern.answer", data: { reference: triage.reference, answer: "The graduate ones." }, replyToId: question.responseId });
    expect(expectMessageResponse(answer.body)).toContain("was sent to the AIMS triagers");
    const impostor = await t.teams.invoke(TEAMS_OTHER, { verb: "concern.answer", data: { reference: triage.reference, answer: "Not me." } });
    expect(expectMessageResponse(impostor.body)).toContain("Only the person who raised this concern");

    const noAssignee = await clickTriage(t, TEAMS_TRIAGERS[0], "concern.assign", triage.reference, triage.activityId, { assignee: "" });
    expect(expectMessageResponse(noAssignee.body)).toContain("choose who investigates");
    const assigned = await clickTriage(t, TEAMS_TRIAGERS[0], "concern.assign", triage.reference, triage.activityId, { assignee: TEAMS_TRIAGERS[1].aadObjectId });
    expect(cardText(expectCardResponse(assigned.body))).toContain("Investigating");

    const noReason = await clickTriage(t, TEAMS_TRIAGERS[1], "concern.close", triage.reference, triage.activityId, { outcome: "resolved", reason: " " });
    expect(expectMessageResponse(noReason.body)).toContain("reasons");
    const closed = await clickTriage(t, TEAMS_TRIAGERS[1], "concern.close", triage.reference, triage.activityId, { outcome: "resolved", reason: "Gap-year filter removed from the model." });
    const closedCard = expectCardResponse(closed.body);
    expect(cardText(closedCard)).toContain("Gap-year filter removed");
    expect(closedCard.actions ?? []).toEqual([]);
    await t.teams.connector.waitFor("send", (c) => c.conversationId === personalChatId(TEAMS_EMPLOYEE) && cardText(c.body).includes("is closed"));

    const concern = await t.aims.core.concerns.find(triage.reference);
    expect(concern).toMatchObject({ status: "resolved", reporterChannel: "teams", reporterId: TEAMS_EMPLOYEE.aadObjectId, assigneeChannel: "teams", assigneeId: TEAMS_TRIAGERS[1].aadObjectId });
    const triageCards = t.teams.connector.accepted("send").filter((c) => c.conversationId === TEAMS_TRIAGE_CONVERSATION && cardText(c.body).includes(triage.reference));
    expect(triageCards).toHaveLength(1);
  });

  it("keeps one Slack triage message when a Teams triager acts while Slack is still posting it", async () => {
    t.fake.setLatency(1500);
    try {
      await fileTeamsConcern(t, TEAMS_EMPLOYEE, { description: "The chatbot quotes salaries of named colleagues.", category: "privacy" });
      const triage = await teamsTriagePost(t, "salaries of named colleagues");
      const acknowledged = await clickTriage(t, TEAMS_TRIAGERS[0], "concern.acknowledge", triage.reference, triage.activityId);
      expect(cardText(expectCardResponse(acknowledged.body))).toContain("Acknowledged");
      await eventually(() => {
        const shown = t.fake.messages(SLACK_TRIAGE_CHANNEL).filter((m) => JSON.stringify(m).includes(triage.reference));
        expect(shown).toHaveLength(1);
        expect(JSON.stringify(shown[0]!.blocks)).toContain("*Acknowledged*");
        expect(JSON.stringify(shown[0]!.blocks)).not.toContain(SLACK_IDS.concerns.actions.acknowledge);
      }, 10_000);
    } finally {
      t.fake.setLatency(0);
    }
  });

  it("refuses the concern form in a channel, where everyone would see it", async () => {
    const { reply } = await t.teams.ask(TEAMS_EMPLOYEE, "concern", triageConversation);
    expect(reply.conversationId).toBe(TEAMS_TRIAGE_CONVERSATION);
    expect(String(reply.body.text)).toContain("personal chat");
    expect(reply.body.attachments ?? []).toEqual([]);
  });
});
