import { DateTime } from "luxon";
import { parse } from "node-cron";

/**
 * The latest time at or before `now` when the cron expression fires in `zone`, looking back at most `lookBackMs`.
 * The database, not an in-memory timer, decides whether that firing was already handled, so a firing missed while
 * the bot was down is still found after a restart. Every field must match (day of month AND day of week).
 */
export function latestCronFire(expression: string, zone: string, now: Date, lookBackMs: number): Date | undefined {
  const fields = parse(expression);
  const minutes = new Set(fields.minute);
  const hours = new Set(fields.hour);
  const days = new Set(fields.dayOfMonth.map(Number));
  const months = new Set(fields.month);
  const weekdays = new Set(fields.dayOfWeek.map((day) => Number(day) % 7));
  const earliest = now.getTime() - lookBackMs;
  // Walk back minute by minute in UTC (every instant exactly once, whatever the DST shifts) and match local fields.
  let instant = DateTime.fromJSDate(now, { zone: "UTC" }).startOf("minute");
  while (instant.toMillis() >= earliest) {
    const local = instant.setZone(zone);
    if (
      minutes.has(local.minute) &&
      hours.has(local.hour) &&
      days.has(local.day) &&
      months.has(local.month) &&
      weekdays.has(local.weekday % 7)
    ) {
      return instant.toJSDate();
    }
    instant = instant.minus({ minutes: 1 });
  }
  return undefined;
}
