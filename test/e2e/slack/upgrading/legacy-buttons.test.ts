import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../../../src/core/clock.js";
import { APPROVALS_CHANNEL, APPROVERS, EMPLOYEE, OWNERS, startTestAims, type TestAims } from "../../../support/aims-harness.js";
import { VALID_REQUEST } from "../../../support/request-form-state.js";
import { submitRequest } from "../../../support/request-steps.js";
import { eventually } from "../../../support/eventually.js";
import { SCHEDULING_ENV, dmsTo, tick } from "../scheduling/scheduling-steps.js";

/** Messages the version before the conversation layer posted: its action ids, its plain-text values. */
const clock = fixedClock(new Date("2027-02-01T10:00:00Z"));
let t: TestAims;

beforeAll(async () => {
  t = await startTestAims({ clock, env: { ...SCHEDULING_ENV, SLACK_MANAGERS_CHANNEL: "" } });
});
afterAll(async () => {
  await t?.stop();
});

async function clickOld(userId: string, channelId: string, ts: string, actionId: string, value: string) {
  const responseUrl = t.fake.newResponseUrl();
  const response = await t.slack.action({ userId, channelId, message: { ts, type: "message", text: "" }, responseUrl, actions: [{ action_id: actionId, block_id: "old", value }] });
  expect(response.status).toBe(200);
  return responseUrl;
}

describe("buttons on messages posted by the previous version (Slack)", () => {
  it("an old Approve (request_approve, value REQ-n:revision) approves the request exactly once, even clicked twice", async () => {
    const { reference, approvalTs } = await submitRequest(t, EMPLOYEE, { ...VALID_REQUEST, toolName: "Posted before the upgrade" });
    await Promise.all([clickOld(APPROVERS[0], APPROVALS_CHANNEL, approvalTs, "request_approve", `${reference}:1`), clickOld(APPROVERS[1], APPROVALS_CHANNEL, approvalTs, "request_approve", `${reference}:1`)]);

    await eventually(async () => {
      const request = await t.aims.core.prisma.aiToolRequest.findUniqueOrThrow({ where: { reference } });
      expect(request.status).toBe("approved");
    });
    const decisions = await t.aims.core.prisma.requestDecision.findMany({ where: { request: { reference } } });
    expect(decisions).toHaveLength(1);
    const audit = await t.aims.core.prisma.auditEvent.findMany({ where: { entityId: reference, action: "request.approved" } });
    expect(audit).toHaveLength(1);
  });

  it("an old Reject (request_reject) asks for the reason in the new form, for the revision on the old button", async () => {
    const { reference, approvalTs } = await submitRequest(t, EMPLOYEE, { ...VALID_REQUEST, toolName: "Old reject" });
    const opened = t.fake.callsTo("views.open").length;
    await clickOld(APPROVERS[0], APPROVALS_CHANNEL, approvalTs, "request_reject", `${reference}:1`);
    const [call] = (await t.fake.waitForCount("views.open", opened + 1)).slice(opened);
    const view = call!.response.view as { callback_id: string; private_metadata: string };
    expect(view.callback_id).toBe("request.decision_reason");
    expect(view.private_metadata).toContain(reference);
  });

  it("old reminder buttons (due_snooze_week, due_mark_done; value the occurrence key) snooze it and open Mark done", async () => {
    const schedule = await t.aims.core.scheduling.reviews.saveSchedule({ channel: "slack", id: OWNERS[0] }, { kind: "other", title: "Old reminder review", ownerId: EMPLOYEE, intervalMonths: 12, nextDueAt: "2027-03-10" });
    if (schedule.kind !== "saved") throw new Error(JSON.stringify(schedule));
    clock.set(new Date("2027-03-10T10:00:00Z"));
    await tick(t);
    const reminder = dmsTo(t, EMPLOYEE).find((call) => JSON.stringify(call.args.blocks ?? []).includes(`due:${schedule.schedule.reference}`))!;
    const key = `review|${schedule.schedule.reference}|${schedule.schedule.nextDueAt.toISOString()}`;

    const snoozed = await clickOld(EMPLOYEE, String(reminder.response.channel), String(reminder.response.ts), "due_snooze_week", key);
    const answer = await t.fake.waitForResponseUrlPost((post) => post.url === snoozed);
    expect(JSON.stringify(answer.body)).toContain("Snoozed for a week");
    const occurrence = await t.aims.core.prisma.dueItemOccurrence.findFirstOrThrow({ where: { itemId: schedule.schedule.reference } });
    expect(occurrence.snoozeCount).toBe(1);

    const opened = t.fake.callsTo("views.open").length;
    await clickOld(EMPLOYEE, String(reminder.response.channel), String(reminder.response.ts), "due_mark_done", key);
    const [call] = (await t.fake.waitForCount("views.open", opened + 1)).slice(opened);
    expect(call!.response.view).toMatchObject({ callback_id: "due.done" });
    expect(JSON.stringify(call!.response.view)).toContain(schedule.schedule.reference);
  });

  it("a modal the old version opened asks to start again instead of losing what was typed silently", async () => {
    const response = await t.slack.submitView(EMPLOYEE, { id: "VOLD", callback_id: "due_mark_done_submit", private_metadata: "review|REV-0001|2027-03-10T09:00:00.000Z", state: { values: {} } });
    expect(response.status).toBe(200);
    const body = JSON.parse(await response.text()) as { response_action: string; view: unknown };
    expect(body.response_action).toBe("update");
    expect(JSON.stringify(body.view)).toContain("click the button in the message again");
  });
});
