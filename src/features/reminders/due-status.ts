import { DateTime } from "luxon";

/** Where a due date stands today: so many days ahead, today, or so many days overdue. */
export type DueStatus = { kind: "upcoming"; days: number } | { kind: "today" } | { kind: "overdue"; days: number };

const startOfDay = (at: Date, zone: string) => {
  const local = DateTime.fromJSDate(at, { zone });
  return (local.isValid ? local : DateTime.fromJSDate(at, { zone: "UTC" })).startOf("day");
};

/**
 * Counted in calendar days in `zone` (the owner's, or the organisation's): something due yesterday is 1 day overdue
 * at any hour today, and something due later today is due today even past its hour.
 */
export function dueStatus(dueAt: Date, now: Date, zone: string): DueStatus {
  const days = Math.round(startOfDay(dueAt, zone).diff(startOfDay(now, zone), "days").days);
  if (days > 0) return { kind: "upcoming", days };
  if (days === 0) return { kind: "today" };
  return { kind: "overdue", days: -days };
}

const dayCount = (days: number) => `${days} ${days === 1 ? "day" : "days"}`;

/** The same words in reminders and in lists, in every channel. */
export function dueStatusText(status: DueStatus): string {
  if (status.kind === "upcoming") return `Due in ${dayCount(status.days)}`;
  if (status.kind === "today") return "Due today";
  return `${dayCount(status.days)} overdue`;
}
