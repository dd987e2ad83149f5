import { DateTime } from "luxon";
import type { RiskLevel } from "../../../core/risk-levels.js";

export type ReassessmentIntervals = Readonly<Record<RiskLevel, number>>;

/** Months until an assessment must be repeated (ISO 42001 8.4: at planned intervals). */
export const DEFAULT_REASSESSMENT_INTERVALS: ReassessmentIntervals = { low: 12, medium: 12, high: 6, critical: 3 };

/**
 * The date a re-assessment falls due: completedAt plus the level's interval in calendar months, in UTC.
 * Month ends clamp (31 Aug + 6 months = 28/29 Feb).
 */
export function nextReassessmentDate(
  level: RiskLevel,
  completedAt: Date,
  intervals: ReassessmentIntervals = DEFAULT_REASSESSMENT_INTERVALS,
): Date {
  const months = intervals[level];
  if (!Number.isInteger(months) || months < 1) throw new RangeError(`re-assessment interval for ${level} must be a whole number of months >= 1 (got ${months})`);
  if (Number.isNaN(completedAt.getTime())) throw new RangeError("completedAt is not a valid date");
  return DateTime.fromJSDate(completedAt, { zone: "utc" }).plus({ months }).toJSDate();
}
