import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../../../src/core/clock.js";
import { EMPLOYEE, OWNERS, startTestAims, type TestAims } from "../../../support/aims-harness.js";
import { SCHEDULING_ENV, click, dmsTo, ids, openFromCommand, submitModal, tick } from "./scheduling-steps.js";

const clock = fixedClock(new Date("2027-02-01T10:00:00Z")); // a Monday, 10:00 in London
const OWNER = OWNERS[0];
let t: TestAims;

beforeAll(async () => {
  t = await startTestAims({ clock, env: { ...SCHEDULING_ENV, SLACK_MANAGERS_CHANNEL: "" } });
  // The first transaction warms Prisma up; on a loaded machine that alone can exceed Slack's 3-second ack window.
  await seedReview("Warm-up review", "2030-01-01");
});
afterAll(async () => {
  await t?.stop();
});

/** Reminder DMs (with their buttons) about one item, not the confirmations that mention it. */
const remindersAbout = (userId: string, reference: string) => dmsTo(t, userId).filter((call) => JSON.stringify(call.args.blocks ?? []).includes(`"due:${reference}"`));
const text = (call: { args: Record<string, unknown> }) => `${String(call.args.text)} ${JSON.stringify(call.args.blocks)}`;

async function seedReview(title: string, nextDueAt: string, ownerId = EMPLOYEE) {
  const result = await t.aims.core.scheduling.reviews.saveSchedule({ channel: "slack", id: OWNER }, { kind: "other", title, ownerId, intervalMonths: 12, nextDueAt });
  if (result.kind !== "saved") throw new Error(JSON.stringify(result));
  return result.schedule;
}

describe("review reminders through Slack", () => {
  it("an AIMS owner schedules a review; its owner is reminded before and on the day, and marks it done with evidence", async () => {
    const modal = await openFromCommand(t, OWNER, "reviews add");
    expect(modal.callback_id).toBe(ids.saveReview);
    const saved = await submitModal(t, OWNER, modal, {
      kind: { option: "ai_policy" },
      title: "AI policy review 2027",
      ownerId: { user: EMPLOYEE },
      intervalMonths: "12",
      nextDueAt: { date: "2027-02-15" },
    });
    expect(saved).toMatchObject({ response_action: "update" });
    const schedule = await t.aims.core.prisma.reviewSchedule.findFirstOrThrow({ where: { title: "AI policy review 2027" } });
    expect(schedule).toMatchObject({ kind: "ai_policy", ownerId: EMPLOYEE, controls: ["A.2.4", "5.2"] });

    await tick(t);
    const early = remindersAbout(EMPLOYEE, schedule.reference);
    expect(early).toHaveLength(1);
    expect(text(early[0]!)).toContain("Due in 14 days");

    clock.set(new Date("2027-02-15T09:30:00Z"));
    await tick(t);
    const onTheDay = remindersAbout(EMPLOYEE, schedule.reference);
    expect(onTheDay).toHaveLength(2);
    expect(text(onTheDay[1]!)).toContain("Due today");

    // Someone else cannot mark it done.
    const refused = await click(t, "USOMEONE1", onTheDay[1]!, ids.markDone);
    const refusal = await t.fake.waitForResponseUrlPost((post) => post.url === refused.responseUrl);
    expect(JSON.stringify(refusal.body)).toContain("Only the owner");

    const { modal: doneModal } = await click(t, EMPLOYEE, onTheDay[1]!, ids.markDone);
    const view = await doneModal();
    expect(await submitModal(t, EMPLOYEE, view, {})).toMatchObject({ response_action: "errors", errors: { note: "Add a note or a link as evidence" } });
    const done = await submitModal(t, EMPLOYEE, view, { note: "Reviewed with legal; no changes", link: "https://wiki.example.com/ai-policy" });
    expect(done).toMatchObject({ response_action: "update" });
    expect(JSON.stringify(done)).toContain(`Marked done by <@${EMPLOYEE}>`);

    const after = await t.aims.core.prisma.reviewSchedule.findUniqueOrThrow({ where: { id: schedule.id } });
    expect(after.nextDueAt.toISOString()).toBe("2028-02-15T09:00:00.000Z");
    const occurrence = await t.aims.core.prisma.dueItemOccurrence.findFirstOrThrow({ where: { itemId: schedule.reference } });
    expect(occurrence).toMatchObject({ completedById: EMPLOYEE, evidenceLink: "https://wiki.example.com/ai-policy" });
    const audit = await t.aims.core.prisma.auditEvent.findMany({ where: { entityId: schedule.reference }, orderBy: { id: "asc" } });
    expect(audit.map((event) => event.action)).toEqual(["review_schedule.added", "due_item.completed"]);

    clock.set(new Date("2027-02-16T10:00:00Z"));
    await tick(t);
    expect(remindersAbout(EMPLOYEE, schedule.reference)).toHaveLength(2);
  });

  it("snoozes a reminder for a day, then reminds again; the snooze is limited", async () => {
    const schedule = await seedReview("Supplier review", "2027-03-10");
    clock.set(new Date("2027-03-10T10:00:00Z"));
    await tick(t);
    const [due] = remindersAbout(EMPLOYEE, schedule.reference);
    expect(text(due!)).toContain("Due today");

    const snooze = await click(t, EMPLOYEE, due!, ids.snoozeDay);
    const answer = await t.fake.waitForResponseUrlPost((post) => post.url === snooze.responseUrl);
    expect(JSON.stringify(answer.body)).toContain("Snoozed for a day");

    clock.set(new Date("2027-03-11T09:59:00Z"));
    await tick(t);
    expect(remindersAbout(EMPLOYEE, schedule.reference)).toHaveLength(1);
    clock.set(new Date("2027-03-11T10:01:00Z"));
    await tick(t);
    const reminders = remindersAbout(EMPLOYEE, schedule.reference);
    expect(reminders).toHaveLength(2);
    expect(text(reminders[1]!)).toContain("Reminder (snoozed)");

    for (let i = 0; i < 2; i += 1) await t.aims.core.scheduling.reminders.snooze({ channel: "slack", id: EMPLOYEE }, `review|${schedule.reference}|${schedule.nextDueAt.toISOString()}`, "day");
    const limited = await click(t, EMPLOYEE, reminders[1]!, ids.snoozeWeek);
    const limit = await t.fake.waitForResponseUrlPost((post) => post.url === limited.responseUrl);
    expect(JSON.stringify(limit.body)).toContain("snoozed 3 times already");
  });

  it("escalates an overdue review to the AIMS owner after the grace period, in working hours only", async () => {
    const schedule = await seedReview("Model card review", "2027-04-01");
    clock.set(new Date("2027-04-04T10:00:00Z")); // Sunday: past the 3-day grace period, but not a working day
    await tick(t);
    const escalations = () => remindersAbout(OWNER, schedule.reference);
    expect(escalations()).toHaveLength(0);
    const queued = await t.aims.core.prisma.scheduledDelivery.findFirstOrThrow({ where: { kind: "escalation", occurrenceKey: { contains: schedule.reference } } });
    expect(queued.notBefore.toISOString()).toBe("2027-04-05T08:00:00.000Z"); // Monday 09:00 British Summer Time

    clock.set(new Date("2027-04-05T08:00:00Z"));
    await tick(t);
    expect(escalations()).toHaveLength(1);
    expect(text(escalations()[0]!)).toContain("Escalation: 4 days overdue, past the 3-day grace period");
    expect(text(escalations()[0]!)).toContain(`<@${EMPLOYEE}>`);

    const { modal } = await click(t, OWNER, escalations()[0]!, ids.reassign);
    expect(await submitModal(t, OWNER, await modal(), { owner: { user: "UNEWOWNER1" } })).toMatchObject({ response_action: "update" });
    const assigned = await t.fake.waitFor("chat.postMessage", (call) => call.args.channel === "UNEWOWNER1");
    expect(String(assigned.args.text)).toContain(`Assigned to you by <@${OWNER}>`);
    const reassigned = await t.aims.core.prisma.reviewSchedule.findUniqueOrThrow({ where: { id: schedule.id } });
    expect(reassigned.ownerId).toBe("UNEWOWNER1");
  });
});

describe("objective check-ins through Slack", () => {
  it("adds an objective; its owner is prompted monthly and records progress", async () => {
    clock.set(new Date("2027-05-03T10:00:00Z"));
    const modal = await openFromCommand(t, OWNER, "objectives add");
    expect(
      await submitModal(t, OWNER, modal, {
        title: "Human review of customer-facing AI output",
        target: "Share of customer-facing AI answers reviewed",
        targetValue: "95",
        unit: "%",
        ownerId: { user: EMPLOYEE },
        dueAt: { date: "2027-12-31" },
        cadence: { option: "monthly" },
      }),
    ).toMatchObject({ response_action: "update" });
    const objective = await t.aims.core.prisma.objective.findFirstOrThrow({ where: { ownerId: EMPLOYEE } });
    expect(objective.nextCheckInAt.toISOString()).toBe("2027-06-03T10:00:00.000Z");

    clock.set(new Date("2027-06-03T10:30:00Z"));
    await tick(t);
    const [prompt] = remindersAbout(EMPLOYEE, objective.reference);
    expect(text(prompt!)).toContain("Time for a progress check-in");

    const { modal: checkIn } = await click(t, EMPLOYEE, prompt!, ids.checkIn);
    const view = await checkIn();
    expect(await submitModal(t, EMPLOYEE, view, { progress: { option: "at_risk" }, value: "eighty" })).toMatchObject({ response_action: "errors" });
    expect(await submitModal(t, EMPLOYEE, view, { progress: { option: "at_risk" }, value: "80", note: "Two teams not onboarded yet" })).toMatchObject({ response_action: "update" });
    expect(await submitModal(t, EMPLOYEE, view, { progress: { option: "at_risk" }, value: "80" })).toMatchObject({ response_action: "update" });

    const after = await t.aims.core.prisma.objective.findUniqueOrThrow({ where: { id: objective.id }, include: { checkIns: true } });
    expect(after).toMatchObject({ progress: "at_risk", currentValue: 80 });
    expect(after.checkIns).toHaveLength(1);
    expect(after.nextCheckInAt.toISOString()).toBe("2027-07-03T10:00:00.000Z");

    const list = JSON.stringify(await openFromCommand(t, EMPLOYEE, "objectives"));
    expect(list).toContain("At risk, 80 % of 95 %");
    expect(list).not.toContain(ids.objectiveForm);
  });
});
