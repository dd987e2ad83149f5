import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../../src/core/clock.js";
import { REQUEST_IDS } from "../../../src/features/requests/conversation/request-ids.js";
import { REGISTER_IDS } from "../../../src/features/register/conversation/register-ids.js";
import { APPROVALS_CHANNEL, APPROVERS, EMPLOYEE, OWNERS, startTestAims, type TestAims } from "../../support/aims-harness.js";
import { FAKE_WORKSPACE } from "../../support/fake-slack/index.js";
import { VALID_REQUEST } from "../../support/request-form-state.js";
import { buttonValue, clickDecision, decisionIds, submitRequest } from "../../support/request-steps.js";
import { dmsTo, MANAGER, modalState, openFromCommand, SCHEDULING_ENV, tick } from "./scheduling/scheduling-steps.js";

const clock = fixedClock(new Date("2027-03-03T10:00:00Z")); // a Wednesday
const WAIT_MS = 20_000;
const USER = APPROVERS[0];
const CHANNEL = "CEXPIRY001";
const TOOL = { ...VALID_REQUEST, toolName: "Krisp Notes", vendor: "Krisp", url: "https://krisp.example/app" };

let t: TestAims;
beforeAll(async () => {
  t = await startTestAims({ clock, env: SCHEDULING_ENV });
  t.fake.addChannel({ id: CHANNEL, name: "expiry", members: [FAKE_WORKSPACE.botUserId, EMPLOYEE, USER] });
});
afterAll(async () => {
  await t?.stop();
});

type Block = { type: string; block_id?: string; element?: { type: string }; elements?: { action_id?: string; value?: string }[] };
type View = { id: string; callback_id: string; private_metadata: string; blocks: Block[] };
const buttonOf = (view: View, actionId: string) => view.blocks.flatMap((block) => block.elements ?? []).find((element) => element.action_id === actionId);
const submitView = async (userId: string, view: Pick<View, "id" | "callback_id" | "private_metadata">, values: Parameters<typeof modalState>[0]) => {
  const response = await t.slack.submitView(userId, { id: view.id, callback_id: view.callback_id, private_metadata: view.private_metadata, state: { values: modalState(values) } });
  const text = await response.text();
  return text ? (JSON.parse(text) as { errors?: Record<string, string> }) : undefined;
};

async function openEntry(userId: string, reference: string): Promise<View> {
  const before = t.fake.callsTo("views.open").length;
  await t.slack.command(userId, `system ${reference}`, { triggerId: `trigger-${Date.now()}` });
  const [call] = (await t.fake.waitForCount("views.open", before + 1, WAIT_MS)).slice(before);
  return call.response.view as View;
}

/** Clicks a button of a modal; returns the view it pushed, or undefined when it answered otherwise. */
async function clickInModal(userId: string, view: View, actionId: string): Promise<View> {
  const before = t.fake.callsTo("views.push").length;
  await t.slack.action({ userId, view: { id: view.id, callback_id: view.callback_id, private_metadata: view.private_metadata }, actions: [{ action_id: actionId, block_id: "b", value: buttonOf(view, actionId)!.value }] } as never);
  const [call] = (await t.fake.waitForCount("views.push", before + 1, WAIT_MS)).slice(before);
  return call.response.view as View;
}

describe("approvals that expire, in Slack", () => {
  it("approves on a date in the conditions modal, reminds before the end, expires and tells the users once, a renewal brings it back, and reopening the renewal puts its end back", async () => {
    const { reference, approvalTs } = await submitRequest(t, EMPLOYEE, TOOL);
    const posted = t.fake.callsTo("chat.postMessage").find((call) => call.args.channel === APPROVALS_CHANNEL && String(call.args.text).includes(reference))!;
    const opens = t.fake.callsTo("views.open").length;
    await clickDecision(t, APPROVERS[1], decisionIds.approveWithConditions, buttonValue(posted, decisionIds.approveWithConditions), approvalTs);
    const modal = (await t.fake.waitForCount("views.open", opens + 1)).at(-1)!.response.view as View;
    expect(modal.blocks.find((block) => block.block_id === "validUntil")?.element?.type).toBe("datepicker");
    expect((await submitView(APPROVERS[1], modal, { reason: "" }))?.errors).toEqual({ reason: "Please write the conditions of the approval." });
    expect((await submitView(APPROVERS[1], modal, { reason: "", validUntil: { date: "2027-03-02" } }))?.errors).toEqual({ validUntil: "The date must be after today." });
    expect(await submitView(APPROVERS[1], modal, { reason: "", validUntil: { date: "2027-06-04" } })).toBeUndefined();
    const outcome = await t.fake.waitFor("chat.postMessage", (call) => call.args.channel === EMPLOYEE && String(call.args.text).includes(`${reference} for Krisp Notes: approved`), WAIT_MS);
    expect(JSON.stringify(outcome.args.blocks)).toContain("Approved until *2027-06-04*");
    const system = await t.aims.core.prisma.aiSystem.findFirstOrThrow({ where: { request: { reference } } });
    expect(system).toMatchObject({ approvedUntil: new Date("2027-06-04T00:00:00Z"), conditions: [] });
    const decision = await t.aims.core.prisma.requestStageDecision.findFirstOrThrow({ where: { request: { reference } } });
    expect(decision.validUntil).toEqual(new Date("2027-06-04T00:00:00Z"));

    const asUser = await openEntry(USER, system.reference);
    await t.slack.action({ userId: USER, view: { id: asUser.id, callback_id: asUser.callback_id, private_metadata: asUser.private_metadata }, responseUrl: t.fake.newResponseUrl(), actions: [{ action_id: REGISTER_IDS.actions.use, block_id: "b", value: buttonOf(asUser, REGISTER_IDS.actions.use)!.value }] } as never);

    // A week before the end (the 30-day reminder fell outside the catch-up window), the owner is reminded once.
    clock.set(new Date("2027-05-28T10:00:00Z"));
    await tick(t);
    await tick(t);
    expect(dmsTo(t, EMPLOYEE).filter((call) => String(call.args.text).includes(`Approval of ${system.reference} Krisp Notes ends on 2027-06-04`))).toHaveLength(1);
    // The managers' digest lists it among the approvals ending within 30 days, with its owner.
    const ending = `${system.reference} (Krisp Notes), owner ${system.ownerName}, ends 2027-06-04`;
    const preview = JSON.stringify(await openFromCommand(t, MANAGER, "digest preview"));
    expect(preview).toContain("Approvals ending in the next 30 days");
    expect(preview).toContain("Approvals ending within 30 days: *1*");
    expect(preview).toContain(ending);

    // The end passes without a renewal: expired, audited, and the owner and the user told once each.
    clock.set(new Date("2027-06-04T10:00:00Z"));
    await tick(t);
    await tick(t);
    expect(await t.aims.core.prisma.aiSystem.findUniqueOrThrow({ where: { id: system.id } })).toMatchObject({ status: "expired" });
    for (const person of [EMPLOYEE, USER]) await t.fake.waitFor("chat.postMessage", (call) => call.args.channel === person && String(call.args.text).includes("is now ⌛ Expired"), WAIT_MS);
    await t.aims.core.events.deliverPending();
    for (const person of [EMPLOYEE, USER]) expect(dmsTo(t, person).filter((call) => String(call.args.text).includes("is now ⌛ Expired"))).toHaveLength(1);
    expect(await t.aims.core.prisma.auditEvent.count({ where: { action: "register.expired", entityId: system.reference } })).toBe(1);

    // The register listing and link answers say so.
    const responseUrl = t.fake.newResponseUrl();
    await t.slack.command(USER, "register Krisp", { responseUrl });
    const listed = await t.fake.waitForResponseUrlPost((post) => post.url === responseUrl, WAIT_MS);
    expect(JSON.stringify(listed.body)).toContain("approved until 2027-06-04 · ⌛ expired");
    const ts = `${Math.floor(clock.now().getTime() / 1000)}.000100`;
    await t.slack.event({ type: "message", channel: CHANNEL, channel_type: "channel", user: USER, text: "notes in <https://krisp.example/app/n/1>", ts });
    const answer = await t.fake.waitFor("chat.postEphemeral", (call) => call.args.user === USER, WAIT_MS);
    expect(String(answer.args.text) + JSON.stringify(answer.args.blocks)).toContain("approval has expired");

    // The owner asks to renew it; approved with no new end, it runs for as long again, from now.
    const entry = await openEntry(EMPLOYEE, system.reference);
    expect(buttonOf(entry, REGISTER_IDS.actions.use)).toBeUndefined();
    const form = await clickInModal(EMPLOYEE, entry, REQUEST_IDS.renew);
    expect(form.callback_id).toBe(REQUEST_IDS.submitRenewal);
    expect(await submitView(EMPLOYEE, form, { purpose: "Meeting notes for the product team", intendedUsers: "Product team", userCount: "12" })).toBeUndefined();
    const renewalPost = await t.fake.waitFor("chat.postMessage", (call) => call.args.channel === APPROVALS_CHANNEL && JSON.stringify(call.args.blocks).includes("Renewal of an approval"), WAIT_MS);
    const renewal = /REQ-\d{4}/.exec(String(renewalPost.args.text))![0];
    await clickDecision(t, APPROVERS[1], decisionIds.approve, buttonValue(renewalPost, decisionIds.approve), String(renewalPost.response.ts));
    const term = new Date("2027-06-04T00:00:00Z").getTime() - new Date("2027-03-03T10:00:00Z").getTime();
    await expect
      .poll(async () => t.aims.core.prisma.aiSystem.findUniqueOrThrow({ where: { id: system.id } }), { timeout: WAIT_MS })
      .toMatchObject({ status: "active", approvedUntil: new Date(clock.now().getTime() + term), statusReason: `Renewed by ${renewal}` });
    expect(JSON.stringify(await openFromCommand(t, MANAGER, "digest preview"))).not.toContain(`${system.reference} (Krisp Notes), owner`);

    // An AIMS owner reopens the renewal: it no longer stands, so the approval ends when it did before it (audited). That
    // end is past, so the next scan marks the entry expired again.
    const reopenUrl = t.fake.newResponseUrl();
    await t.slack.command(OWNERS[0], `reopen ${renewal} The vendor changed its data terms.`, { responseUrl: reopenUrl });
    expect(JSON.stringify((await t.fake.waitForResponseUrlPost((post) => post.url === reopenUrl, WAIT_MS)).body)).toContain(`*${renewal}* is reopened`);
    expect(await t.aims.core.prisma.aiSystem.findUniqueOrThrow({ where: { id: system.id } })).toMatchObject({ status: "active", approvedUntil: new Date("2027-06-04T00:00:00Z") });
    const withdrawn = await t.aims.core.prisma.auditEvent.findFirstOrThrow({ where: { action: "register.renewal_withdrawn", entityId: system.reference } });
    expect(withdrawn).toMatchObject({ actorId: OWNERS[0], after: expect.objectContaining({ approvedUntil: "2027-06-04T00:00:00.000Z" }) });
    await tick(t);
    await expect.poll(async () => (await t.aims.core.prisma.aiSystem.findUniqueOrThrow({ where: { id: system.id } })).status, { timeout: WAIT_MS }).toBe("expired");
    expect(await t.aims.core.prisma.auditEvent.count({ where: { action: "register.expired", entityId: system.reference } })).toBe(2);
  });
});
