import { DateTime } from "luxon";
import type { ObjectiveCadence } from "../../db/generated/enums.js";

const STEP: Record<ObjectiveCadence, { weeks?: number; months?: number }> = {
  weekly: { weeks: 1 },
  monthly: { months: 1 },
  quarterly: { months: 3 },
};

/** The first check-in of the cadence's rhythm (starting at `from`) that is strictly after `after`. */
export function nextCheckIn(cadence: ObjectiveCadence, from: Date, after: Date, zone: string): Date {
  let next = DateTime.fromJSDate(from, { zone });
  do next = next.plus(STEP[cadence]);
  while (next.toJSDate() <= after);
  return next.toJSDate();
}
