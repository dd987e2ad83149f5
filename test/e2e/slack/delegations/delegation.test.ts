import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../../../src/core/clock.js";
import { DELEGATION_IDS } from "../../../../src/features/delegations/conversation/delegation-ids.js";
import { APPROVALS_CHANNEL, APPROVERS, EMPLOYEE, startTestAims, type TestAims } from "../../../support/aims-harness.js";
import { eventually } from "../../../support/eventually.js";
import { VALID_REQUEST } from "../../../support/request-form-state.js";
import { buttonValue, clickDecision, decisionIds, submitRequest } from "../../../support/request-steps.js";

/** Alex (an approver) is away from 1 to 5 March 2027; Dana, who holds no role, covers for her. */
const ALEX = APPROVERS[0];
const DANA = "UDANA";
const START = new Date("2027-03-01T09:00:00Z");
const WAIT_MS = 20_000;
const clock = fixedClock(START);

type View = { id: string; callback_id: string; private_metadata: string; blocks: unknown[] };
const select = (value: string) => ({ value: { type: "static_select", selected_option: { value } } });
const user = (id: string) => ({ value: { type: "users_select", selected_user: id } });
const text = (value: string) => ({ value: { type: "plain_text_input", value } });
const date = (value: string) => ({ value: { type: "datepicker", selected_date: value } });
const textOf = (body: unknown) => JSON.stringify(body);

let t: TestAims;
beforeAll(async () => {
  t = await startTestAims({ clock });
});
afterAll(async () => {
  await t?.stop();
});

async function openDelegateForm(userId: string): Promise<View> {
  const before = t.fake.callsTo("views.open").length;
  expect((await t.slack.command(userId, "delegate")).status).toBe(200);
  const [call] = (await t.fake.waitForCount("views.open", before + 1, WAIT_MS)).slice(before);
  expect(call!.response.ok, textOf(call!.response)).toBe(true);
  return call!.response.view as View;
}

const submitDelegation = (form: View, values: { delegate: string; from: string; until: string; reason: string }) =>
  t.slack.submitView(ALEX, {
    id: form.id,
    callback_id: form.callback_id,
    private_metadata: form.private_metadata,
    state: { values: { delegate: user(values.delegate), holder: select("role:approver"), from: date(values.from), until: date(values.until), reason: text(values.reason) } as never },
  });

/** Dana clicks Approve on a request's approvals message; returns the response_url she hears back on. */
async function danaApproves(reference: string, approvalTs: string): Promise<string> {
  const posted = t.fake.callsTo("chat.postMessage").find((c) => c.args.channel === APPROVALS_CHANNEL && String(c.args.text).includes(reference))!;
  return clickDecision(t, DANA, decisionIds.approve, buttonValue(posted, decisionIds.approve), approvalTs);
}

const refusalAt = async (url: string) => textOf((await t.fake.waitForResponseUrlPost((p) => p.url === url, WAIT_MS)).body);

describe("delegation through Slack", () => {
  it("refuses delegating to oneself, then names a delegate who is told and decides on the approver's behalf until the cover ends", async () => {
    const form = await openDelegateForm(ALEX);
    expect(form.callback_id).toBe(DELEGATION_IDS.views.create);
    const self = await submitDelegation(form, { delegate: ALEX, from: "2027-03-01", until: "2027-03-05", reason: "Holiday" });
    expect(await self.json()).toEqual({ response_action: "errors", errors: { delegate: "You cannot delegate to yourself: pick another person." } });
    const tooLong = await submitDelegation(form, { delegate: DANA, from: "2027-03-01", until: "2027-07-01", reason: "Holiday" });
    expect(await tooLong.json()).toEqual({ response_action: "errors", errors: { until: "A delegation lasts at most 90 days." } });

    const saved = await submitDelegation(form, { delegate: DANA, from: "2027-03-01", until: "2027-03-05", reason: "Holiday cover" });
    const answer = (await saved.json()) as { response_action: string; view: View };
    expect(answer.response_action).toBe("update");
    expect(textOf(answer.view.blocks)).toContain("now covers for you");
    expect(textOf(answer.view.blocks)).toContain(DELEGATION_IDS.actions.cancel);
    const told = await t.fake.waitFor("chat.postMessage", (c) => c.args.channel === DANA && textOf(c.args).includes("named you their delegate"), WAIT_MS);
    expect(textOf(told.args.blocks)).toContain("on behalf of");

    // Dana decides a request while the cover runs: the decision is hers, on Alex's behalf, and the message says so.
    const { reference, approvalTs } = await submitRequest(t, EMPLOYEE, { ...VALID_REQUEST, toolName: "Covered tool" });
    await danaApproves(reference, approvalTs);
    await eventually(async () => expect((await t.aims.core.requests.find(reference))!.status).toBe("approved"));
    const decision = await t.aims.core.prisma.requestDecision.findFirstOrThrow({ where: { request: { reference } } });
    expect(decision).toMatchObject({ outcome: "approved", deciderId: DANA, onBehalfOfChannel: "slack", onBehalfOfId: ALEX });
    const updated = await t.fake.waitFor("chat.update", (c) => c.args.ts === approvalTs && textOf(c.args.blocks).includes("on behalf of"), WAIT_MS);
    expect(textOf(updated.args.blocks)).toMatch(/Approved\*? by <@UDANA> on behalf of <@UAPPROVER1>/);
    const audit = await t.aims.core.prisma.auditEvent.findFirstOrThrow({ where: { entityId: reference, action: "request.approved" } });
    expect(audit.after).toMatchObject({ onBehalfOfId: ALEX });

    // Not a request of her own, nor one of Alex's: no one decides their own request, through a delegate neither.
    const own = await submitRequest(t, DANA, { ...VALID_REQUEST, toolName: "Dana's tool" });
    expect(await refusalAt(await danaApproves(own.reference, own.approvalTs))).toContain("You cannot decide your own request");
    const alexs = await submitRequest(t, ALEX, { ...VALID_REQUEST, toolName: "Alex's tool" });
    expect(await refusalAt(await danaApproves(alexs.reference, alexs.approvalTs))).toContain("You cover for the person who made");

    // After the last day the cover has ended by itself: refused, saying so, and the end is in the audit trail.
    clock.set(new Date("2027-03-06T08:00:00Z"));
    const late = await submitRequest(t, EMPLOYEE, { ...VALID_REQUEST, toolName: "Late tool" });
    const ended = await refusalAt(await danaApproves(late.reference, late.approvalTs));
    expect(ended).toMatch(/Your cover for \S+ ended on 2027-03-06 00:00 UTC, so you can no longer decide in their place/);
    expect((await t.slack.command(ALEX, "delegate list")).status).toBe(200);
    await eventually(async () => expect(await t.aims.core.prisma.auditEvent.count({ where: { entityType: "delegation", action: "delegation.ended" } })).toBe(1));
    const actions = (await t.aims.core.prisma.auditEvent.findMany({ where: { entityType: "delegation" }, orderBy: { id: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["delegation.created", "delegation.ended"]);
  });
});
