import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../../../src/core/clock.js";
import { EMPLOYEE, OWNERS, startTestAims, type TestAims } from "../../../support/aims-harness.js";
import type { FakeSlackCall } from "../../../support/fake-slack/index.js";
import { VALID_INCIDENT } from "../../../support/incident-form-state.js";
import { SCHEDULING_ENV, click, dmsTo, ids, submitModal, tick } from "./scheduling-steps.js";

const clock = fixedClock(new Date("2027-06-04T10:00:00Z")); // a Friday, 10:00 in London
const OWNER = OWNERS[0];
const NEW_OWNER = "UNEWOWNER1";
let t: TestAims;

beforeAll(async () => {
  t = await startTestAims({ clock, env: { ...SCHEDULING_ENV, SLACK_MANAGERS_CHANNEL: "", SLACK_INCIDENTS_CHANNEL: "C0INCIDENTS" } });
});
afterAll(async () => {
  await t?.stop();
});

/** Reminder DMs (as first posted, with their buttons) about one item. */
const remindersAbout = (userId: string, itemId: string) => dmsTo(t, userId).filter((call) => JSON.stringify(call.args.blocks ?? []).includes(`"due:${itemId}"`));

/** A posted reminder as it reads now, once the bot has updated it in place. */
async function updated(posted: FakeSlackCall, saying: string) {
  const channel = String(posted.response.channel);
  const ts = String(posted.response.ts);
  await t.fake.waitFor("chat.update", (call) => call.args.ts === ts && String(call.args.text).includes(saying));
  const message = t.fake.messages(channel).find((stored) => stored.ts === ts)!;
  return { text: `${message.text} ${JSON.stringify(message.blocks)}`, buttons: JSON.stringify(message.blocks).includes('"actions"') };
}

async function at(iso: string) {
  clock.set(new Date(iso));
  await tick(t);
}

async function seedReview(title: string, nextDueAt: string) {
  const result = await t.aims.core.scheduling.reviews.saveSchedule({ channel: "slack", id: OWNER }, { kind: "other", title, ownerId: EMPLOYEE, intervalMonths: 12, nextDueAt });
  if (result.kind !== "saved") throw new Error(JSON.stringify(result));
  return result.schedule;
}

async function markDone(userId: string, reminder: FakeSlackCall) {
  const { modal } = await click(t, userId, reminder, ids.markDone);
  expect(await submitModal(t, userId, await modal(), { note: "Done and filed" })).toMatchObject({ response_action: "update" });
}

describe("reminders already sent, once their item is settled", () => {
  it("marking the second reminder done updates both reminders to say so, without buttons", async () => {
    const schedule = await seedReview("Vendor AI review", "2027-06-18");
    await tick(t);
    await at("2027-06-15T10:00:00Z");
    const reminders = remindersAbout(EMPLOYEE, schedule.reference);
    expect(reminders).toHaveLength(2);

    await markDone(EMPLOYEE, reminders[1]!);

    for (const reminder of reminders) {
      const now = await updated(reminder, "Done by");
      expect(now.text).toContain(`Done by <@${EMPLOYEE}>`);
      expect(now.text).toContain("Vendor AI review");
      expect(now.buttons).toBe(false);
    }
  });

  it("the escalation to the AIMS owner is updated when the item's owner marks it done", async () => {
    const schedule = await seedReview("Model inventory review", "2027-06-21");
    await at("2027-06-21T10:00:00Z");
    const [reminder] = remindersAbout(EMPLOYEE, schedule.reference);
    await at("2027-06-25T10:00:00Z"); // four days overdue, past the 3-day grace period
    const [escalation] = remindersAbout(OWNER, schedule.reference);
    expect(escalation).toBeDefined();

    await markDone(EMPLOYEE, reminder!);

    const now = await updated(escalation!, "Done by");
    expect(now.text).toContain(`Done by <@${EMPLOYEE}>`);
    expect(now.text).toContain(`*Owner*\\n<@${EMPLOYEE}>`);
    expect(now.buttons).toBe(false);
  });

  it("a reassigned reminder's old copy says who has it now; once the new owner marks it done, both say so", async () => {
    const schedule = await seedReview("Supplier contract review", "2027-07-09");
    await at("2027-06-25T10:30:00Z");
    const [reminder] = remindersAbout(EMPLOYEE, schedule.reference);

    const { modal } = await click(t, EMPLOYEE, reminder!, ids.reassign);
    expect(await submitModal(t, EMPLOYEE, await modal(), { owner: { user: NEW_OWNER } })).toMatchObject({ response_action: "update" });

    const now = await updated(reminder!, "Reassigned");
    expect(now.text).toContain(`Reassigned to <@${NEW_OWNER}>`);
    expect(now.buttons).toBe(false);
    const [assigned] = remindersAbout(NEW_OWNER, schedule.reference);
    expect(String(assigned!.args.text)).toContain("Assigned to you");

    await markDone(NEW_OWNER, assigned!);

    for (const copy of [reminder!, assigned!]) {
      const settled = await updated(copy, `Done by <@${NEW_OWNER}>`);
      expect(settled.buttons).toBe(false);
    }
  });

  it("a corrective action closed on its incident updates its reminder; a cancelled one says it is no longer needed", async () => {
    const reported = await t.aims.core.incidents.report({ channel: "slack", id: EMPLOYEE }, VALID_INCIDENT, "settled-reminders-incident");
    if (!reported.ok) throw new Error(JSON.stringify(reported.errors));
    const add = async (description: string) => {
      const added = await t.aims.core.incidents.addCorrectiveAction({ channel: "slack", id: EMPLOYEE }, reported.incident.reference, { description, ownerId: EMPLOYEE, dueDate: "2027-06-28" });
      if (added.kind !== "added") throw new Error(JSON.stringify(added));
      return { id: added.action.id, itemId: `${reported.incident.reference}/CA-${added.action.id}` };
    };
    const done = await add("Add a human check of refund answers");
    const dropped = await add("Rewrite the refund prompt");
    await tick(t);
    const [doneReminder] = remindersAbout(EMPLOYEE, done.itemId);
    const [droppedReminder] = remindersAbout(EMPLOYEE, dropped.itemId);

    expect(await t.aims.core.incidents.setCorrectiveActionStatus({ channel: "slack", id: OWNER }, done.id, "done")).toMatchObject({ kind: "updated" });
    expect(await t.aims.core.incidents.setCorrectiveActionStatus({ channel: "slack", id: OWNER }, dropped.id, "cancelled")).toMatchObject({ kind: "updated" });

    const closed = await updated(doneReminder!, "Done by");
    expect(closed.text).toContain(`Done by <@${OWNER}>`);
    expect(closed.buttons).toBe(false);
    const cancelled = await updated(droppedReminder!, "No longer needed");
    expect(cancelled.buttons).toBe(false);
  });

  it("recording progress updates the check-in prompt", async () => {
    clock.set(new Date("2027-06-28T10:00:00Z")); // a Monday
    const added = await t.aims.core.scheduling.objectives.add(
      { channel: "slack", id: OWNER },
      { title: "Reduce AI incidents", target: "Incidents per quarter", targetValue: 2, ownerId: EMPLOYEE, dueAt: "2027-12-31", cadence: "monthly" },
    );
    if (added.kind !== "added") throw new Error(JSON.stringify(added));
    await at(new Date(added.objective.nextCheckInAt.getTime() + 3600_000).toISOString());
    const [prompt] = remindersAbout(EMPLOYEE, added.objective.reference);

    const { modal } = await click(t, EMPLOYEE, prompt!, ids.checkIn);
    expect(await submitModal(t, EMPLOYEE, await modal(), { progress: { option: "on_track" }, value: "1" })).toMatchObject({ response_action: "update" });

    const now = await updated(prompt!, "Done by");
    expect(now.text).toContain(`Done by <@${EMPLOYEE}>`);
    expect(now.buttons).toBe(false);
  });
});
