/** How long a reminder can be put off, in both kinds of reminder: an owner's due item and a person's campaign. */
export type SnoozePeriod = "day" | "week";

export const SNOOZE_PERIODS: readonly SnoozePeriod[] = ["day", "week"];

export const SNOOZE_LABELS: Record<SnoozePeriod, string> = { day: "Snooze 1 day", week: "Snooze 1 week" };

const SNOOZE_MS: Record<SnoozePeriod, number> = { day: 86400_000, week: 7 * 86400_000 };

/** When a reminder snoozed at `now` comes back (before any working-hours adjustment). */
export function snoozeEnd(now: Date, period: SnoozePeriod): Date {
  return new Date(now.getTime() + SNOOZE_MS[period]);
}

/** Why a reminder cannot be snoozed again, with AIMS_MAX_SNOOZES at `maxSnoozes`. */
export function snoozeLimitMessage(maxSnoozes: number, instead: string): string {
  return maxSnoozes > 0 ? `This reminder has been snoozed ${maxSnoozes} times already; please ${instead}.` : "Snoozing is turned off.";
}

/** How many snoozes are left, said after a snooze. */
export function snoozesLeftLine(left: number): string {
  return left > 0 ? `You can snooze it ${left} more time(s).` : "That was the last snooze.";
}
