import { DateTime } from "luxon";
import type { DueItem } from "./due-item.js";
import { occurrenceKey } from "./due-item.js";

export interface ReminderPolicy {
  /** Days before the due date, largest first (default 14 and 3). */
  offsetsDays: readonly number[];
  /** Days after the due date before the item escalates. */
  graceDays: number;
  /** How far back a missed reminder is still sent (downtime catch-up). */
  catchUpMs: number;
  /** Calendar days are counted in this zone. */
  zone: string;
}

export interface OccurrenceState {
  snoozedUntil: Date | null;
  snoozeCount: number;
  completedAt: Date | null;
}

export type ReminderStage = `before-${number}` | "due" | "overdue" | `snoozed-${number}`;

export interface PlannedReminder {
  kind: "reminder" | "escalation";
  key: string;
  occurrenceKey: string;
  stage: ReminderStage | "escalation";
  at: Date;
}

/**
 * Which reminders an occurrence needs at `now`: the latest owner reminder that has come (earlier ones it supersedes
 * are never sent, so a restart after downtime sends one message, not a burst), and the escalation once the grace
 * period is over. Anything older than the catch-up window is left alone.
 */
export function planReminders(item: DueItem, state: OccurrenceState | null, policy: ReminderPolicy, now: Date): PlannedReminder[] {
  if (state?.completedAt) return [];
  const occurrence = occurrenceKey(item);
  const due = DateTime.fromJSDate(item.dueAt, { zone: policy.zone });
  const snoozedUntil = state?.snoozedUntil ?? null;
  const stages: { stage: ReminderStage; at: Date }[] = item.nobodyCanAct
    ? []
    : item.kind === "check_in" || item.escalateAt
      ? [{ stage: "due", at: item.dueAt }]
      : [
          ...(item.reminderDaysBefore ?? policy.offsetsDays).map((days) => ({ stage: `before-${days}` as ReminderStage, at: due.minus({ days }).toJSDate() })),
          { stage: "due", at: item.dueAt },
          { stage: "overdue", at: due.plus({ days: 1 }).toJSDate() },
        ];
  const active = snoozedUntil
    ? [...stages.filter((s) => s.at >= snoozedUntil), { stage: `snoozed-${state!.snoozeCount}` as ReminderStage, at: snoozedUntil }]
    : stages;
  const isRecent = (at: Date) => at <= now && now.getTime() - at.getTime() <= policy.catchUpMs;
  const latest = active.filter((s) => s.at <= now).sort((a, b) => b.at.getTime() - a.at.getTime())[0];

  const planned: PlannedReminder[] = [];
  if (latest && isRecent(latest.at)) {
    planned.push({ kind: "reminder", key: `${occurrence}|${latest.stage}`, occurrenceKey: occurrence, stage: latest.stage, at: latest.at });
  }
  if (item.kind === "task") {
    const graceOver = item.nobodyCanAct ? item.dueAt : item.escalateAt ?? due.plus({ days: policy.graceDays }).toJSDate();
    const at = snoozedUntil && snoozedUntil > graceOver ? snoozedUntil : graceOver;
    if (isRecent(at)) planned.push({ kind: "escalation", key: `${occurrence}|escalation`, occurrenceKey: occurrence, stage: "escalation", at });
  }
  return planned;
}
