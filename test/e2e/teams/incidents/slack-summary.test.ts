import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../../../src/core/clock.js";
import { startTestAims, type TestAims } from "../../../support/aims-harness.js";
import { eventually } from "../../../support/eventually.js";
import { channelConversation, TEAMS_EMPLOYEE, type TeamsPerson } from "../../../support/teams-activities.js";
import { actionOf, cardIn, cardText, expectCardResponse } from "../teams-steps.js";
import { TEAMS_INCIDENT_CARD_ANSWERS } from "../../../support/incident-form-state.js";

const INCIDENTS = "19:incidents0123456789@thread.tacv2";
const SLACK_INCIDENTS = "C0INCIDENTS";
const RESPONDER: TeamsPerson = { aadObjectId: "00000000-0000-4000-8000-0000000000d1", id: "29:1teams-user-d1", name: "Rory Responder" };

let t: TestAims;
beforeAll(async () => {
  t = await startTestAims({
    teams: true,
    env: { TEAMS_INCIDENTS_CONVERSATION: INCIDENTS, TEAMS_INCIDENT_RESPONDERS: RESPONDER.aadObjectId, SLACK_INCIDENTS_CHANNEL: SLACK_INCIDENTS },
    clock: fixedClock(new Date("2026-12-01T10:15:42.123Z")),
  });
  expect((await t.teams.install(RESPONDER, channelConversation(INCIDENTS))).status).toBe(200);
}, 180_000);
afterAll(async () => {
  await t?.stop();
});

describe("the Slack summary of an incident reported and handled in Teams", () => {
  it("shows a change made while Slack was still posting the announcement", async () => {
    t.fake.setLatency(1500);
    try {
      const formCall = (await t.teams.ask(TEAMS_EMPLOYEE, "incident")).reply;
      const report = actionOf(cardIn(formCall), "incident.report");
      const answers = TEAMS_INCIDENT_CARD_ANSWERS;
      const filed = await t.teams.invoke(TEAMS_EMPLOYEE, { verb: report.verb, data: { ...report.data, ...answers }, replyToId: formCall.responseId });
      const reference = /INC-\d{4}/.exec(cardText(expectCardResponse(filed.body)))![0];
      const posted = await t.teams.connector.waitFor("send", (c) => c.conversationId === INCIDENTS && cardText(c.body).includes(`${reference}: Chatbot`));
      const move = cardIn(posted).actions!.find((a) => a.title === "Move to Investigating")!;
      const moved = await t.teams.invoke(RESPONDER, { verb: move.verb, data: move.data, conversation: channelConversation(INCIDENTS) });
      expect(cardText(expectCardResponse(moved.body))).toContain("Investigating");

      await eventually(() => {
        const shown = t.fake.messages(SLACK_INCIDENTS).filter((m) => m.text.includes(reference));
        expect(shown).toHaveLength(1);
        expect(JSON.stringify(shown[0]!.blocks)).toContain("Move to Mitigated");
        expect(JSON.stringify(shown[0]!.blocks)).not.toContain("Move to Investigating");
      }, 10_000);
    } finally {
      t.fake.setLatency(0);
    }
  });
});
