import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../../../src/core/clock.js";
import { EMPLOYEE, OWNERS, startTestAims, type TestAims } from "../../../support/aims-harness.js";
import { SCHEDULING_ENV, click, dmsTo, ids, openFromCommand, submitModal, tick } from "./scheduling-steps.js";

const DAY = 86400_000;
const clock = fixedClock(new Date("2027-02-01T10:00:00Z")); // a Monday, 10:00 in London
const OWNER = OWNERS[0];
let t: TestAims;

beforeAll(async () => {
  // Working hours from 08:00, so a reminder planned for yesterday's due date goes out early this morning.
  t = await startTestAims({ clock, env: { ...SCHEDULING_ENV, SLACK_MANAGERS_CHANNEL: "", AIMS_WORKING_HOURS: "08:00-17:00" } });
});
afterAll(async () => {
  await t?.stop();
});

const isoDay = (date: Date) => date.toISOString().slice(0, 10);
const remindersAbout = (userId: string, reference: string) => dmsTo(t, userId).filter((call) => JSON.stringify(call.args.blocks ?? []).includes(`"due:${reference}"`));
const text = (call: { args: Record<string, unknown> }) => `${String(call.args.text)} ${JSON.stringify(call.args.blocks)}`;

async function reviewsList(userId: string): Promise<string> {
  return JSON.stringify(await openFromCommand(t, userId, "reviews"));
}

describe("due dates in Slack reminders and lists", () => {
  it("heads a reminder sent the day after the due date with how overdue it is, as `/aims reviews` says", async () => {
    const dueAt = new Date(clock.now().getTime() + 8 * DAY); // Tuesday 9 February
    const saved = await t.aims.core.scheduling.reviews.saveSchedule({ channel: "slack", id: OWNER }, { kind: "other", title: "Fairness metrics review", ownerId: EMPLOYEE, intervalMonths: 12, nextDueAt: isoDay(dueAt) });
    if (saved.kind !== "saved") throw new Error(JSON.stringify(saved));
    const reference = saved.schedule.reference;

    clock.set(new Date(dueAt.getTime() + DAY - 90 * 60_000)); // Wednesday 08:30: the on-the-day reminder goes out late
    await tick(t);
    const [late] = remindersAbout(EMPLOYEE, reference);
    expect(text(late!)).toContain("1 day overdue");
    expect(text(late!)).not.toContain("Due today");
    expect(await reviewsList(EMPLOYEE)).toContain(`*1 day overdue* · <!date^${Math.floor(saved.schedule.nextDueAt.getTime() / 1000)}`);

    clock.set(new Date(dueAt.getTime() + 3 * DAY));
    await tick(t);
    const [escalation] = remindersAbout(OWNER, reference);
    expect(text(escalation!)).toContain("Escalation: 3 days overdue");
    expect(text(escalation!)).toContain(`*Owner*\\n<@${EMPLOYEE}>`);
    expect(await reviewsList(OWNER)).toContain("*3 days overdue*");
  });

  it("reminds the owner of an objective due before its first check-in before, on and after its due date, then escalates", async () => {
    const start = new Date("2027-03-01T10:00:00Z"); // a Monday
    clock.set(start);
    const dueAt = new Date(start.getTime() + 28 * DAY); // Monday 29 March, before the first quarterly check-in
    const modal = await openFromCommand(t, OWNER, "objectives add");
    const added = await submitModal(t, OWNER, modal, {
      title: "Publish the AI transparency notice",
      target: "Notice published on the website",
      targetValue: "1",
      ownerId: { user: EMPLOYEE },
      dueAt: { date: isoDay(dueAt) },
      cadence: { option: "quarterly" },
    });
    expect(added).toMatchObject({ response_action: "update" });
    const objective = await t.aims.core.prisma.objective.findFirstOrThrow({ where: { title: "Publish the AI transparency notice" } });
    expect(objective.nextCheckInAt.getTime()).toBeGreaterThan(objective.dueAt.getTime());

    const headlines: string[] = [];
    for (const daysFromDue of [-14, -3, 0, 1]) {
      clock.set(new Date(dueAt.getTime() + daysFromDue * DAY));
      await tick(t);
      const reminders = remindersAbout(EMPLOYEE, objective.reference);
      expect(reminders, `reminders by ${daysFromDue} day(s) from the due date`).toHaveLength(headlines.length + 1);
      headlines.push(text(reminders.at(-1)!));
    }
    expect(headlines[0]).toContain("Due in 14 days");
    expect(headlines[1]).toContain("Due in 3 days");
    expect(headlines[2]).toContain("Due today");
    expect(headlines[3]).toContain("1 day overdue");

    clock.set(new Date(dueAt.getTime() + 3 * DAY));
    await tick(t);
    const [escalation] = remindersAbout(OWNER, objective.reference);
    expect(text(escalation!)).toContain("Escalation: 3 days overdue");
    expect(await reviewsList(EMPLOYEE)).toContain(objective.reference);

    const { modal: doneModal } = await click(t, EMPLOYEE, remindersAbout(EMPLOYEE, objective.reference).at(-1)!, ids.markDone);
    expect(await submitModal(t, EMPLOYEE, await doneModal(), { note: "Notice published on 2 April" })).toMatchObject({ response_action: "update" });
    clock.set(new Date(dueAt.getTime() + 4 * DAY));
    await tick(t);
    expect(remindersAbout(EMPLOYEE, objective.reference)).toHaveLength(headlines.length);
    expect(await reviewsList(EMPLOYEE)).not.toContain(objective.reference);
  });
});
