import { describe, expect, it } from "vitest";
import type { DueItem } from "./due-item.js";
import { planReminders, type ReminderPolicy } from "./reminder-plan.js";

const DAY = 86400_000;
const policy: ReminderPolicy = { offsetsDays: [14, 3], graceDays: 3, catchUpMs: 2 * DAY, zone: "Europe/London" };
const item: DueItem = {
  source: "review",
  itemId: "REV-0001",
  title: "AI policy review",
  dueAt: new Date("2026-04-10T09:00:00Z"),
  owner: { channel: "slack", id: "U1" },
  controls: ["A.2.4"],
  kind: "task",
};
const at = (iso: string) => new Date(iso);
const stages = (now: string, state: Parameters<typeof planReminders>[1] = null, it: DueItem = item) =>
  planReminders(it, state, policy, at(now)).map((p) => p.stage);

describe("planReminders", () => {
  it("sends nothing before the first reminder", () => {
    expect(stages("2026-03-20T09:00:00Z")).toEqual([]);
  });

  it("reminds an item on its own days before, when it has them (an approval's end: 30 and 7)", () => {
    const own = { ...item, reminderDaysBefore: [30, 7] };
    expect(stages("2026-03-11T10:00:00Z", null, own)).toEqual(["before-30"]);
    expect(stages("2026-03-27T10:00:00Z", null, own)).toEqual([]);
    expect(stages("2026-04-03T10:00:00Z", null, own)).toEqual(["before-7"]);
  });

  it("counts days before the due date in calendar days across the March clock change", () => {
    // 14 days before 10 April 10:00 BST is 27 March 10:00 GMT = 10:00 UTC (14 x 24 hours would give 09:00 UTC).
    const [plan] = planReminders(item, null, policy, at("2026-03-27T10:00:00Z"));
    expect(plan).toMatchObject({ stage: "before-14", at: at("2026-03-27T10:00:00Z") });
    expect(stages("2026-03-27T09:59:00Z")).toEqual([]);
  });

  it("sends only the latest stage after downtime, not every missed one", () => {
    expect(stages("2026-04-07T10:00:00Z")).toEqual(["before-3"]);
    expect(stages("2026-04-10T12:00:00Z")).toEqual(["due"]);
  });

  it("leaves reminders older than the catch-up window alone", () => {
    expect(stages("2026-04-09T08:00:00Z")).toEqual(["before-3"]);
    expect(stages("2026-04-09T09:01:00Z")).toEqual([]);
    expect(stages("2026-04-10T08:59:00Z")).toEqual([]);
  });

  it("reminds after the due date and escalates after the grace period", () => {
    expect(stages("2026-04-11T10:00:00Z")).toEqual(["overdue"]);
    expect(stages("2026-04-13T10:00:00Z")).toEqual(["escalation"]);
  });

  it("holds reminders and escalation back until a snooze ends", () => {
    const snoozed = { snoozedUntil: at("2026-04-15T09:00:00Z"), snoozeCount: 1, completedAt: null };
    expect(stages("2026-04-13T10:00:00Z", snoozed)).toEqual([]);
    expect(stages("2026-04-15T09:00:00Z", snoozed)).toEqual(["snoozed-1", "escalation"]);
  });

  it("stops once the occurrence is done", () => {
    expect(stages("2026-04-11T10:00:00Z", { snoozedUntil: null, snoozeCount: 0, completedAt: at("2026-04-10T11:00:00Z") })).toEqual([]);
  });

  it("prompts check-ins on the day only and never escalates them", () => {
    const checkIn: DueItem = { ...item, kind: "check_in" };
    expect(stages("2026-03-27T09:00:00Z", null, checkIn)).toEqual([]);
    expect(stages("2026-04-10T09:30:00Z", null, checkIn)).toEqual(["due"]);
    expect(stages("2026-04-13T10:00:00Z", null, checkIn)).toEqual([]);
  });

  it("reminds a working-hours deadline once when due and escalates at its own moment, not days before or after", () => {
    const deadline: DueItem = { ...item, escalateAt: at("2026-04-10T13:00:00Z"), graceWorkingHours: 4 };
    expect(stages("2026-04-08T09:00:00Z", null, deadline)).toEqual([]);
    expect(stages("2026-04-10T09:00:00Z", null, deadline)).toEqual(["due"]);
    expect(stages("2026-04-10T12:59:00Z", null, deadline)).toEqual(["due"]);
    expect(stages("2026-04-10T13:00:00Z", null, deadline)).toEqual(["due", "escalation"]);
    expect(stages("2026-04-11T13:00:00Z", null, deadline)).toEqual(["due", "escalation"]);
  });
});
