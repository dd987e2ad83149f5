import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ASSESSMENT_IDS } from "../../../../src/channels/slack/assessments/ids.js";
import { fixedClock } from "../../../../src/core/clock.js";
import { EMPLOYEE, OWNERS, startTestAims, type TestAims } from "../../../support/aims-harness.js";
import { eventually } from "../../../support/eventually.js";
import { VALID_REQUEST } from "../../../support/request-form-state.js";
import { channelConversation, personalChatId, TEAMS_APPROVERS, TEAMS_EMPLOYEE } from "../../../support/teams-activities.js";
import { buttonIn, completeAssessmentInSlack, fileRequest, textOf } from "../../slack/assessments/assessment-steps.js";
import { button, cardText, clickForCard, submitTeamsRequest } from "../teams-steps.js";
import { completeInTeams, postedCard, sendForCard, stepLine, TEAMS_OWNERS, TEAMS_OWNERS_ENV } from "./teams-assessment-steps.js";

const clock = fixedClock(new Date("2026-12-01T10:00:00Z"));
let t: TestAims;
beforeAll(async () => {
  t = await startTestAims({ teams: true, clock, env: { TEAMS_OWNERS: TEAMS_OWNERS_ENV } });
  expect((await t.teams.install(TEAMS_APPROVERS[0], channelConversation())).status).toBe(200);
  for (const owner of TEAMS_OWNERS) expect((await t.teams.message(owner, "help")).status).toBe(200);
});
afterAll(async () => {
  await t?.stop();
});

describe("impact assessments across Slack and Teams", () => {
  it("signs off in Slack an assessment made in Teams: the Teams owners' cards and the Teams assessor hear of it", async () => {
    const { reference } = await submitTeamsRequest(t, TEAMS_EMPLOYEE, { ...VALID_REQUEST, toolName: "Teams-made assistant" });
    const first = await sendForCard(t, TEAMS_EMPLOYEE, `assess ${reference}`, "Step 1 of");
    expect(stepLine(first)).toContain(`Step 1 of ${t.aims.core.assessments.steps.length}`);
    const assessmentRef = String(button(first, "assessment.next").data.reference);
    await completeInTeams(t, TEAMS_EMPLOYEE, first);

    const ask = await t.fake.waitFor("chat.postMessage", (c) => c.args.channel === OWNERS[0] && String(c.args.text).includes(assessmentRef));
    const teamsCopy = await postedCard(t, [assessmentRef, "Approve sign-off"], personalChatId(TEAMS_OWNERS[0]));
    await t.slack.action({
      userId: OWNERS[0],
      channelId: "D0OWNER",
      responseUrl: t.fake.newResponseUrl(),
      actions: [{ action_id: ASSESSMENT_IDS.actions.signOff, block_id: "s", value: buttonIn(ask.args.blocks, ASSESSMENT_IDS.actions.signOff) }],
    });

    await t.teams.connector.waitFor("update", (c) => c.activityId === teamsCopy.call.responseId && cardText(c.body).includes("**Signed off** by"));
    await postedCard(t, ["was signed off", assessmentRef], personalChatId(TEAMS_EMPLOYEE));
    await t.fake.waitFor("chat.update", (c) => c.args.ts === ask.response.ts && textOf(c.args.blocks).includes("Signed off"));
    expect(await t.aims.core.assessments.find(assessmentRef)).toMatchObject({ status: "signed_off", reviewerChannel: "slack", reviewerId: OWNERS[0] });
  });

  it("signs off in Teams an assessment made in Slack: the Slack owner's message and the Slack assessor hear of it", async () => {
    const { reference } = await fileRequest(t, EMPLOYEE, { ...VALID_REQUEST, toolName: "Slack-made assistant" });
    const assessmentRef = await completeAssessmentInSlack(t, EMPLOYEE, reference);

    const ask = await t.fake.waitFor("chat.postMessage", (c) => c.args.channel === OWNERS[0] && String(c.args.text).includes(assessmentRef));
    const { card } = await postedCard(t, [assessmentRef, "Approve sign-off"], personalChatId(TEAMS_OWNERS[0]));
    expect(cardText(card)).toContain("(Slack)");
    const signed = await clickForCard(t, TEAMS_OWNERS[0], button(card, "assessment.sign_off"));
    expect(cardText(signed)).toContain("**Signed off** by Olga Owner; next re-assessment due 2027-06-01");

    await t.fake.waitFor("chat.update", (c) => c.args.ts === ask.response.ts && textOf(c.args.blocks).includes("Signed off"));
    await t.fake.waitFor("chat.postMessage", (c) => c.args.channel === EMPLOYEE && String(c.args.text).includes(`${assessmentRef} was signed off`));
    expect(await t.aims.core.assessments.find(assessmentRef)).toMatchObject({ status: "signed_off", reviewerChannel: "teams", reviewerId: TEAMS_OWNERS[0].aadObjectId });
  });

  it("updates the Slack owner's request when a Teams owner signs off while Slack is still posting it", async () => {
    const { reference } = await submitTeamsRequest(t, TEAMS_EMPLOYEE, { ...VALID_REQUEST, toolName: "Signed off quickly" });
    const first = await sendForCard(t, TEAMS_EMPLOYEE, `assess ${reference}`, "Step 1 of");
    const assessmentRef = String(button(first, "assessment.next").data.reference);
    t.fake.setLatency(1500);
    try {
      await completeInTeams(t, TEAMS_EMPLOYEE, first);
      const { card } = await postedCard(t, [assessmentRef, "Approve sign-off"], personalChatId(TEAMS_OWNERS[0]));
      expect(cardText(await clickForCard(t, TEAMS_OWNERS[0], button(card, "assessment.sign_off")))).toContain("**Signed off**");
      await eventually(() => {
        const shown = t.fake.messages(OWNERS[0]).filter((m) => m.text.includes(assessmentRef));
        expect(shown).toHaveLength(1);
        expect(textOf(shown[0]!.blocks)).toContain("Signed off");
        expect(textOf(shown[0]!.blocks)).not.toContain(ASSESSMENT_IDS.actions.signOff);
      }, 10_000);
    } finally {
      t.fake.setLatency(0);
    }
  });
});
