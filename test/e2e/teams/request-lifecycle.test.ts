import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestAims, type TestAims } from "../../support/aims-harness.js";
import { eventually } from "../../support/eventually.js";
import { VALID_REQUEST } from "../../support/request-form-state.js";
import { channelConversation, personalChatId, TEAMS_APPROVALS_CONVERSATION, TEAMS_APPROVERS, TEAMS_EMPLOYEE, TEAMS_OTHER } from "../../support/teams-activities.js";
import { cardIn, cardText, clickTeamsDecision, expectCardResponse, submitTeamsRequest } from "./teams-steps.js";

/** TEAMS_OTHER is an AIMS owner here. */
let t: TestAims;
beforeAll(async () => {
  t = await startTestAims({ teams: true, slack: false, env: { TEAMS_OWNERS: TEAMS_OTHER.aadObjectId } });
  expect((await t.teams.install(TEAMS_APPROVERS[0], channelConversation())).status).toBe(200);
});
afterAll(async () => {
  await t?.stop();
});

const say = async (who: typeof TEAMS_EMPLOYEE, text: string) => String((await t.teams.ask(who, text)).reply.body.text);

describe("withdraw and reopen, in Teams", () => {
  it("lets the requester withdraw a pending request: the approvals card loses its buttons", async () => {
    const submitted = await submitTeamsRequest(t, TEAMS_EMPLOYEE, { ...VALID_REQUEST, toolName: "Withdrawn in Teams" });
    expect(await say(TEAMS_APPROVERS[1], `withdraw ${submitted.reference}`)).toContain("Only the person who made the request can withdraw it.");
    expect(await say(TEAMS_EMPLOYEE, `withdraw ${submitted.reference}`)).toContain(`You withdrew **${submitted.reference}**`);
    const updated = await t.teams.connector.waitFor(
      "update",
      (c) => c.conversationId === TEAMS_APPROVALS_CONVERSATION && cardText(c.body).includes(submitted.reference) && cardText(c.body).includes("Withdrawn"),
    );
    expect(cardIn(updated).actions ?? []).toEqual([]);
    expect((await t.aims.core.requests.find(submitted.reference))!.status).toBe("withdrawn");
  });

  it("lets an AIMS owner reopen a rejected request with a reason; rejected again, it stays out of the register", async () => {
    const submitted = await submitTeamsRequest(t, TEAMS_EMPLOYEE, { ...VALID_REQUEST, toolName: "Reopened in Teams" });
    const approval = { card: submitted.approvalCard, activityId: submitted.approval.responseId! };
    expectCardResponse((await clickTeamsDecision(t, TEAMS_APPROVERS[0], approval, "request.reject", "Not now.")).body);
    await eventually(async () => expect((await t.aims.core.requests.find(submitted.reference))!.status).toBe("rejected"));

    expect(await say(TEAMS_APPROVERS[0], `reopen ${submitted.reference} please`)).toContain("Only the AIMS owners can reopen a decided request.");
    expect(await say(TEAMS_OTHER, `reopen ${submitted.reference} Budget was found.`)).toContain(`**${submitted.reference}** is reopened`);
    expect(await t.aims.core.requests.find(submitted.reference)).toMatchObject({ status: "pending", revision: 2 });
    const told = await t.teams.connector.waitFor(
      "send",
      (c) => c.conversationId === personalChatId(TEAMS_EMPLOYEE) && cardText(c.body).includes("Budget was found.") && cardText(c.body).includes(submitted.reference),
    );
    expect(cardText(told.body)).toContain("Olli Other");

    const reopened = await t.teams.connector.waitFor(
      "update",
      (c) => c.conversationId === TEAMS_APPROVALS_CONVERSATION && cardText(c.body).includes(submitted.reference) && cardText(c.body).includes('"revision":2'),
    );
    expectCardResponse((await clickTeamsDecision(t, TEAMS_APPROVERS[1], { card: cardIn(reopened), activityId: reopened.activityId! }, "request.reject", "Still not.")).body);
    await eventually(async () => expect((await t.aims.core.requests.find(submitted.reference))!.status).toBe("rejected"));
    const audit = await t.aims.core.prisma.auditEvent.findMany({ where: { entityId: submitted.reference }, orderBy: { id: "asc" } });
    expect(audit.map((e) => e.action)).toEqual(["request.submitted", "request.rejected", "request.reopened", "request.rejected"]);
    expect(await t.aims.core.prisma.aiSystem.count({ where: { request: { reference: submitted.reference } } })).toBe(0);
  });
});
