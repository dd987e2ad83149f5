import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APPROVALS_CHANNEL, APPROVERS, EMPLOYEE, OWNERS, startTestAims, type TestAims } from "../../support/aims-harness.js";
import { eventually } from "../../support/eventually.js";
import { VALID_REQUEST } from "../../support/request-form-state.js";
import { buttonValue, clickDecision, decisionIds, submitRequest } from "../../support/request-steps.js";
import { channelConversation, personalChatId, TEAMS_APPROVALS_CONVERSATION, TEAMS_APPROVERS, TEAMS_EMPLOYEE } from "../../support/teams-activities.js";
import { cardIn, cardText, clickTeamsDecision, expectCardResponse, expectMessageResponse, submitTeamsRequest } from "./teams-steps.js";

let t: TestAims;
beforeAll(async () => {
  t = await startTestAims({ teams: true });
  await t.teams.install(TEAMS_APPROVERS[0], channelConversation());
});
afterAll(async () => {
  await t?.stop();
});

describe("Slack and Teams on together: one register, one approvals logic", () => {
  it("posts a Slack request to the Teams approvals conversation; a decision there updates both and tells the requester in Slack", async () => {
    const { reference, approvalTs } = await submitRequest(t, EMPLOYEE, { ...VALID_REQUEST, toolName: "From Slack" });
    const teamsCard = await t.teams.connector.waitFor(
      "send",
      (c) => c.conversationId === TEAMS_APPROVALS_CONVERSATION && cardText(c.body).includes(reference),
    );
    expect(cardText(cardIn(teamsCard))).toMatch(new RegExp(`"Requested by","value":"${EMPLOYEE} \\(Slack\\)"`, "i"));

    const { body } = await clickTeamsDecision(t, TEAMS_APPROVERS[0], { card: cardIn(teamsCard), activityId: teamsCard.responseId! }, "request.approve");
    expect(cardText(expectCardResponse(body))).toContain("**Approved** by Alex Approver");

    const slackUpdate = await t.fake.waitFor("chat.update", (c) => c.args.ts === approvalTs);
    expect(JSON.stringify(slackUpdate.args.blocks)).toContain("*Approved* by Alex Approver (teams)");
    expect(JSON.stringify(slackUpdate.args.blocks)).not.toContain(decisionIds.approve);
    await t.teams.connector.waitFor("update", (c) => c.activityId === teamsCard.responseId && cardText(c.body).includes("Approved"));
    await t.fake.waitFor("chat.postMessage", (c) => c.args.channel === EMPLOYEE && String(c.args.text).includes(`${reference}`) && String(c.args.text).includes("approved"));
    expect(t.teams.connector.calls.filter((c) => c.kind === "createConversation")).toHaveLength(0);
  });

  it("posts a Teams request to Slack's approvals channel; a decision in Slack updates the Teams card and tells the requester in Teams only", async () => {
    const submitted = await submitTeamsRequest(t, TEAMS_EMPLOYEE, { ...VALID_REQUEST, toolName: "From Teams" });
    const slackPost = await t.fake.waitFor(
      "chat.postMessage",
      (c) => c.args.channel === APPROVALS_CHANNEL && String(c.args.text).includes(submitted.reference),
    );
    expect(JSON.stringify(slackPost.args.blocks)).toContain("Eve Employee (teams)");

    await clickDecision(t, APPROVERS[0], decisionIds.approve, buttonValue(slackPost, decisionIds.approve), String(slackPost.response.ts));
    const update = await t.teams.connector.waitFor("update", (c) => c.activityId === submitted.approval.responseId);
    expect(cardText(cardIn(update))).toMatch(new RegExp(`\\*\\*Approved\\*\\* by ${APPROVERS[0]} \\(Slack\\)`, "i"));
    await t.teams.connector.waitFor(
      "send",
      (c) => c.conversationId === personalChatId(TEAMS_EMPLOYEE) && cardText(c.body).includes(submitted.reference),
    );
    const slackDms = t.fake.callsTo("chat.postMessage").filter((c) => String(c.args.text).includes(submitted.reference) && c.args.channel !== APPROVALS_CHANNEL);
    expect(slackDms).toEqual([]);
  });

  it("keeps one Slack approvals message when a Teams approver decides while Slack is still posting it", async () => {
    t.fake.setLatency(1500);
    try {
      const submitted = await submitTeamsRequest(t, TEAMS_EMPLOYEE, { ...VALID_REQUEST, toolName: "Decided quickly" });
      const { body } = await clickTeamsDecision(t, TEAMS_APPROVERS[0], { card: submitted.approvalCard, activityId: submitted.approval.responseId! }, "request.approve");
      expect(cardText(expectCardResponse(body))).toContain("**Approved**");
      await eventually(() => {
        const shown = t.fake.messages(APPROVALS_CHANNEL).filter((m) => m.text.includes(submitted.reference));
        expect(shown).toHaveLength(1);
        expect(JSON.stringify(shown[0]!.blocks)).toContain("*Approved* by Alex Approver");
        expect(JSON.stringify(shown[0]!.blocks)).not.toContain(decisionIds.approve);
      }, 10_000);
    } finally {
      t.fake.setLatency(0);
    }
  });

  it("keeps one Teams approvals card when a Slack approver decides while Teams is still posting it", async () => {
    t.teams.connector.setLatency(1500);
    try {
      const { reference, approvalTs } = await submitRequest(t, EMPLOYEE, { ...VALID_REQUEST, toolName: "Approved in Slack quickly" });
      const slackPost = await t.fake.waitFor("chat.postMessage", (c) => c.args.channel === APPROVALS_CHANNEL && String(c.args.text).includes(reference));
      await clickDecision(t, APPROVERS[0], decisionIds.approve, buttonValue(slackPost, decisionIds.approve), approvalTs);
      await eventually(() => {
        const shown = t.teams.connector.activities(TEAMS_APPROVALS_CONVERSATION).filter((a) => cardText(a.body).includes(reference));
        expect(shown).toHaveLength(1);
        expect(cardText(shown[0]!.body)).toContain("**Approved**");
        expect(cardText(shown[0]!.body)).not.toContain("request.approve");
      }, 10_000);
    } finally {
      t.teams.connector.setLatency(0);
    }
  });

  it("refuses a person deciding from Teams the request they made in Slack, and lets another approver decide it", async () => {
    const alexOnSlack = { channel: "slack" as const, id: "UALEXSLACK" };
    const alexOnTeams = { channel: "teams" as const, id: TEAMS_APPROVERS[0].aadObjectId };
    const linked = await t.aims.core.directory.link({ channel: "slack", id: OWNERS[0] }, alexOnSlack, alexOnTeams, "Alex's two accounts");
    expect(linked).toEqual({ kind: "linked" });

    const { reference } = await submitRequest(t, alexOnSlack.id, { ...VALID_REQUEST, toolName: "Alex's own tool" });
    const teamsCard = await t.teams.connector.waitFor("send", (c) => c.conversationId === TEAMS_APPROVALS_CONVERSATION && cardText(c.body).includes(reference));
    const approval = { card: cardIn(teamsCard), activityId: teamsCard.responseId! };

    const own = await clickTeamsDecision(t, TEAMS_APPROVERS[0], approval, "request.approve");
    expect(expectMessageResponse(own.body)).toContain("You cannot decide your own request");
    expect((await t.aims.core.requests.find(reference))!.status).toBe("pending");

    const other = await clickTeamsDecision(t, TEAMS_APPROVERS[1], approval, "request.approve");
    expect(cardText(expectCardResponse(other.body))).toContain("**Approved** by Blair Approver");
  });
});
