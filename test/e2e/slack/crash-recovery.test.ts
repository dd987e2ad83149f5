import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APPROVALS_CHANNEL, APPROVERS, EMPLOYEE, startTestAims, TEST_BOT_TOKEN, type TestAims } from "../../support/aims-harness.js";
import { eventually } from "../../support/eventually.js";
import { buttonValue, clickDecision, decisionIds, openRequestModal, submitRequest } from "../../support/request-steps.js";
import type { FakeSlackCall } from "../../support/fake-slack/index.js";
import { requestFormState, VALID_REQUEST } from "../../support/request-form-state.js";

let t: TestAims;
beforeAll(async () => {
  t = await startTestAims();
});
afterAll(async () => {
  await t?.stop();
});

const textOf = (call: FakeSlackCall) => JSON.stringify(call.args.blocks ?? call.args.text);

async function approvalPosted(reference: string) {
  const posted = await t.fake.waitFor("chat.postMessage", (c) => c.args.channel === APPROVALS_CHANNEL && String(c.args.text).includes(reference));
  await t.fake.waitFor("chat.postMessage", (c) => c.args.channel === EMPLOYEE && String(c.args.text).includes(reference));
  return posted;
}

/** Slack answers every message post and update with an error, as during an outage of its messaging. */
function slackRefusesMessages() {
  for (let i = 0; i < 100; i++) {
    t.fake.failNext("chat.update", "service_unavailable");
    t.fake.failNext("chat.postMessage", "service_unavailable");
  }
}

describe("nothing the bot must tell is lost when it goes down", () => {
  it("after a stop between saving a decision and telling Slack, updates the message and tells the requester exactly once", async () => {
    const { reference, approvalTs } = await submitRequest(t, EMPLOYEE);
    const approve = buttonValue(await approvalPosted(reference), decisionIds.approve);

    slackRefusesMessages();
    await clickDecision(t, APPROVERS[0], decisionIds.approve, approve, approvalTs);
    const { prisma } = t.aims.core;
    await eventually(async () => expect(await prisma.requestDecision.count({ where: { request: { reference } } })).toBe(1), 15_000);
    await eventually(async () => expect(await prisma.outboxDelivery.count({ where: { attempts: { gt: 0 } } })).toBe(2));

    await t.restart();
    t.fake.clearFaults();

    const update = await t.fake.waitFor("chat.update", (c) => c.args.ts === approvalTs, 20_000);
    expect(textOf(update)).toContain(`*Approved* by <@${APPROVERS[0]}>`);
    await t.fake.waitFor("chat.postMessage", (c) => c.args.channel === EMPLOYEE && String(c.args.text).includes("approved"), 20_000);
    const restarted = t.aims.core.prisma;
    await eventually(async () => expect(await restarted.outboxDelivery.count()).toBe(0), 20_000);

    expect(t.fake.callsTo("chat.update").filter((c) => c.args.ts === approvalTs && c.response.ok)).toHaveLength(1);
    const told = t.fake.callsTo("chat.postMessage").filter((c) => c.args.channel === EMPLOYEE && String(c.args.text).includes(reference) && c.response.ok);
    expect(told.map((c) => String(c.args.text))).toEqual([expect.stringContaining("is with the approvers"), expect.stringContaining("approved")]);
  }, 90_000);

  it("repairs a stale approvals message when someone clicks it: the message shows the decision the database holds", async () => {
    const { reference, approvalTs } = await submitRequest(t, EMPLOYEE, { ...VALID_REQUEST, toolName: "Stale Tool" });
    const posted = await approvalPosted(reference);
    const approve = buttonValue(posted, decisionIds.approve);
    await clickDecision(t, APPROVERS[0], decisionIds.approve, approve, approvalTs);
    await t.fake.waitFor("chat.update", (c) => c.args.ts === approvalTs && textOf(c).includes("*Approved*"));

    // The message goes back to its undecided form, as a copy an outage left behind would be.
    const restored = await fetch(`${t.fake.apiUrl}chat.update`, {
      method: "POST",
      headers: { "content-type": "application/json; charset=utf-8", authorization: `Bearer ${TEST_BOT_TOKEN}` },
      body: JSON.stringify({ channel: APPROVALS_CHANNEL, ts: approvalTs, text: posted.args.text, blocks: posted.args.blocks }),
    });
    expect(((await restored.json()) as { ok: boolean }).ok).toBe(true);
    const updatesBefore = t.fake.callsTo("chat.update").length;

    const responseUrl = await clickDecision(t, APPROVERS[1], decisionIds.approve, approve, approvalTs);
    const told = await t.fake.waitForResponseUrlPost((post) => post.url === responseUrl);
    expect(JSON.stringify(told.body)).toContain("already decided");
    const isRepair = (c: FakeSlackCall) => t.fake.callsTo("chat.update").indexOf(c) >= updatesBefore && c.args.ts === approvalTs;
    const repaired = await t.fake.waitFor("chat.update", isRepair, 10_000);
    expect(textOf(repaired)).toContain("*Approved*");
    expect(textOf(repaired)).not.toContain(decisionIds.approve);
    expect(await t.aims.core.prisma.requestDecision.count({ where: { request: { reference } } })).toBe(1);
  });
});

describe("a Slack call that is never answered", () => {
  it("counts as failed after SLACK_API_TIMEOUT_MS and is made again, so the approvals message still goes out, once", async () => {
    const slow = await startTestAims({ env: { SLACK_API_TIMEOUT_MS: "1000" } });
    try {
      const held = slow.fake.holdNext("chat.postMessage", { match: (args) => args.channel === APPROVALS_CHANNEL });
      const view = await openRequestModal(slow, EMPLOYEE);
      const submission = { id: view.id, callback_id: view.callback_id, private_metadata: view.private_metadata, state: { values: requestFormState({ ...VALID_REQUEST, toolName: "Never answered" }) } };
      expect((await slow.slack.submitView(EMPLOYEE, submission)).status).toBe(200);
      const heldCall = await held;
      const reference = /REQ-\d{4}/.exec(String(heldCall.args.text))![0];
      // Made again once the held call has timed out (after WebClient's or the outbox's retry, whichever comes first).
      await slow.fake.waitFor("chat.postMessage", (call) => call.args.channel === APPROVALS_CHANNEL && String(call.args.text).includes(reference), 30_000);
      expect(slow.fake.messages(APPROVALS_CHANNEL).filter((message) => message.text.includes(reference))).toHaveLength(1);
    } finally {
      await slow.stop();
    }
  }, 60_000);
});
