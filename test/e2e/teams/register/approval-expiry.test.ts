import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../../../src/core/clock.js";
import { REQUEST_IDS } from "../../../../src/features/requests/conversation/request-ids.js";
import { REGISTER_IDS } from "../../../../src/features/register/conversation/register-ids.js";
import { startTestAims, type TestAims } from "../../../support/aims-harness.js";
import { VALID_REQUEST } from "../../../support/request-form-state.js";
import { channelConversation, personalChatId, TEAMS_APPROVALS_CONVERSATION, TEAMS_APPROVERS, TEAMS_EMPLOYEE, TEAMS_OTHER, type TeamsPerson } from "../../../support/teams-activities.js";
import { TEAMS_SCHEDULING_ENV, tick } from "../scheduling/teams-scheduling-steps.js";
import { actionOf, type Card, cardIn, cardText, expectCardResponse, expectMessageResponse, submitTeamsRequest } from "../teams-steps.js";

const clock = fixedClock(new Date("2027-03-03T10:00:00Z")); // a Wednesday
let t: TestAims;
beforeAll(async () => {
  t = await startTestAims({ clock, teams: true, slack: false, env: TEAMS_SCHEDULING_ENV });
  expect((await t.teams.install(TEAMS_APPROVERS[0], channelConversation())).status).toBe(200);
});
afterAll(async () => {
  await t?.stop();
});

/** Approves on the approvals card, with what the approver typed into its inputs. */
function approve(approval: { card: Card; activityId: string }, inputs: Record<string, string>) {
  const action = actionOf(approval.card, "request.approve");
  return t.teams.invoke(TEAMS_APPROVERS[0], { verb: action.verb, data: { ...action.data, ...inputs }, replyToId: approval.activityId, conversation: { id: TEAMS_APPROVALS_CONVERSATION, type: "channel" } });
}

const sentTo = (who: TeamsPerson, text: string) =>
  t.teams.connector.accepted("send").filter((call) => call.conversationId === personalChatId(who) && cardText(call.body).includes(text));

describe("approvals that expire, in Teams", () => {
  it("approves until a date, reminds the owner before it ends, renews through the same stages, then expires and tells the users once", async () => {
    const { reference, approval, approvalCard } = await submitTeamsRequest(t, TEAMS_EMPLOYEE, { ...VALID_REQUEST, toolName: "Fathom Notes" });
    const card = { card: approvalCard, activityId: approval.responseId! };
    expect(cardText(expectCardResponse((await approve(card, { validUntil: "2027-03-03" })).body))).toContain("The date must be after today.");
    expect(cardText(expectCardResponse((await approve(card, { validFor: "6", validUntil: "2027-06-04" })).body))).toContain("Choose a period or a date, not both.");
    await approve(card, { validUntil: "2027-06-04" });
    const system = await t.aims.core.prisma.aiSystem.findFirstOrThrow({ where: { request: { reference } } });
    expect(system).toMatchObject({ status: "active", approvedUntil: new Date("2027-06-04T00:00:00Z") });
    const outcome = await t.teams.connector.waitFor("send", (call) => call.conversationId === personalChatId(TEAMS_EMPLOYEE) && cardText(call.body).includes("Approved until **2027-06-04**"));
    expect(cardText(outcome.body)).toContain(system.reference);

    // A colleague records that they use it.
    const { reply: asOther } = await t.teams.ask(TEAMS_OTHER, `system ${system.reference}`);
    const use = actionOf(cardIn(asOther), REGISTER_IDS.actions.use);
    await t.teams.invoke(TEAMS_OTHER, { verb: use.verb, data: use.data, replyToId: asOther.responseId });

    // 30 days before the end, the owner is reminded (and not earlier).
    clock.set(new Date("2027-05-04T10:00:00Z"));
    await tick(t);
    expect(sentTo(TEAMS_EMPLOYEE, "ends on 2027-06-04")).toEqual([]);
    clock.set(new Date("2027-05-05T10:00:00Z"));
    await tick(t);
    expect(sentTo(TEAMS_EMPLOYEE, `Approval of ${system.reference} Fathom Notes ends on 2027-06-04`)).toHaveLength(1);

    // The owner asks to renew from the register entry: a short form filled from the original.
    const { reply: entry } = await t.teams.ask(TEAMS_EMPLOYEE, `system ${system.reference}`);
    expect(cardText(cardIn(entry))).toContain("2027-06-04");
    const renew = actionOf(cardIn(entry), REQUEST_IDS.renew);
    const form = expectCardResponse((await t.teams.invoke(TEAMS_EMPLOYEE, { verb: renew.verb, data: renew.data, replyToId: entry.responseId })).body);
    expect(cardText(form)).toContain(VALID_REQUEST.purpose as string);
    const send = actionOf(form, REQUEST_IDS.submitRenewal);
    const filed = await t.teams.invoke(TEAMS_EMPLOYEE, { verb: send.verb, data: { ...send.data, purpose: "Meeting notes for the sales team, now also for support", intendedUsers: "Sales and support", userCount: "40" }, replyToId: entry.responseId });
    const renewal = /REQ-\d{4}/.exec(cardText(filed.body))![0];
    expect(renewal).not.toBe(reference);
    const again = await t.teams.invoke(TEAMS_EMPLOYEE, { verb: renew.verb, data: renew.data, replyToId: entry.responseId });
    expect(expectMessageResponse(again.body)).toContain(`${renewal} already asks to renew ${system.reference}`);
    const renewalPost = await t.teams.connector.waitFor("send", (call) => call.conversationId === TEAMS_APPROVALS_CONVERSATION && cardText(call.body).includes(renewal));
    expect(cardText(renewalPost.body)).toContain("Renewal of an approval in the AI system register");
    const stored = await t.aims.core.prisma.aiToolRequest.findUniqueOrThrow({ where: { reference: renewal } });
    const original = await t.aims.core.prisma.aiToolRequest.findUniqueOrThrow({ where: { reference } });
    expect(stored).toMatchObject({ renewsSystemId: system.id, toolName: "Fathom Notes", vendor: original.vendor, approvalStages: original.approvalStages, userCount: 40 });

    await approve({ card: cardIn(renewalPost), activityId: renewalPost.responseId! }, { validFor: "12" });
    const renewed = await t.aims.core.prisma.aiSystem.findUniqueOrThrow({ where: { id: system.id } });
    expect(renewed).toMatchObject({ status: "active", approvedUntil: new Date("2028-05-05T10:00:00Z"), requestId: system.requestId });
    expect(await t.aims.core.prisma.aiSystem.count()).toBe(1);
    expect(await t.aims.core.prisma.auditEvent.count({ where: { action: "register.renewed", entityId: system.reference } })).toBe(1);

    // The old end passes: nothing expires. The new end passes without a renewal: it expires, once.
    clock.set(new Date("2027-06-07T10:00:00Z"));
    await tick(t);
    expect((await t.aims.core.prisma.aiSystem.findUniqueOrThrow({ where: { id: system.id } })).status).toBe("active");
    clock.set(new Date("2028-05-08T10:00:00Z"));
    await tick(t);
    await tick(t);
    const expired = await t.aims.core.prisma.aiSystem.findUniqueOrThrow({ where: { id: system.id } });
    expect(expired).toMatchObject({ status: "expired", statusReason: "Its approval ended on 2028-05-05 and was not renewed.", statusChangedAt: clock.now() });
    for (const person of [TEAMS_EMPLOYEE, TEAMS_OTHER]) {
      await t.teams.connector.waitFor("send", (call) => call.conversationId === personalChatId(person) && cardText(call.body).includes("is now **⌛ Expired**"));
    }
    await t.aims.core.events.deliverPending();
    expect(sentTo(TEAMS_OTHER, "is now **⌛ Expired**")).toHaveLength(1);
    expect(sentTo(TEAMS_EMPLOYEE, "is now **⌛ Expired**")).toHaveLength(1);
    const audit = await t.aims.core.prisma.auditEvent.findMany({ where: { action: "register.expired", entityId: system.reference } });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.controls).toEqual(expect.arrayContaining(["A.6.2.5", "A.9.2"]));

    // The register shows it expired, and no new use is recorded.
    const { reply: shown } = await t.teams.ask(TEAMS_APPROVERS[1], `system ${system.reference}`);
    expect(cardText(cardIn(shown))).toContain("⌛ Expired since 2028-05-08");
    const refused = await t.teams.invoke(TEAMS_APPROVERS[1], { verb: use.verb, data: use.data, replyToId: shown.responseId });
    expect(cardText(refused.body)).toContain("approval has expired");
    expect(await t.aims.core.prisma.aiSystemUser.count({ where: { systemId: system.id } })).toBe(1);
  });
});
