import { addMonths } from "./register.js";

/** The periods an approver can approve for, in months; or a date, or no end. */
export const VALIDITY_PERIODS = [6, 12, 24] as const;

/** The validity inputs of the approve form, read the same way from both chats. */
export interface RawValidity {
  /** Months, one of VALIDITY_PERIODS, as text. */
  validFor?: string;
  /** A date, YYYY-MM-DD. */
  validUntil?: string;
}

export type ParsedValidity = { ok: true; until: Date | null } | { ok: false; errors: Partial<Record<keyof RawValidity, string>> };

export const VALIDITY_ERRORS = {
  both: "Choose a period or a date, not both.",
  notADate: "Give the date as YYYY-MM-DD.",
  past: "The date must be after today.",
  period: "Choose one of the periods offered.",
} as const;

const DAY_MS = 86_400_000;

/**
 * Until when an approval holds: the date given (the approval ends as that day starts, UTC), or the period counted
 * from `now`; null when neither is given (until further notice).
 */
export function parseValidity(raw: RawValidity, now: Date): ParsedValidity {
  const period = raw.validFor?.trim() || undefined;
  const date = raw.validUntil?.trim() || undefined;
  if (period && date) return { ok: false, errors: { validUntil: VALIDITY_ERRORS.both } };
  if (period) {
    const months = Number(period);
    return (VALIDITY_PERIODS as readonly number[]).includes(months) ? { ok: true, until: addMonths(now, months) } : { ok: false, errors: { validFor: VALIDITY_ERRORS.period } };
  }
  if (!date) return { ok: true, until: null };
  const until = /^\d{4}-\d{2}-\d{2}$/.test(date) ? new Date(`${date}T00:00:00Z`) : null;
  if (!until || Number.isNaN(until.getTime()) || until.toISOString().slice(0, 10) !== date) return { ok: false, errors: { validUntil: VALIDITY_ERRORS.notADate } };
  if (until.getTime() < now.getTime() + DAY_MS - (now.getTime() % DAY_MS)) return { ok: false, errors: { validUntil: VALIDITY_ERRORS.past } };
  return { ok: true, until };
}

/** The end of an approval given by several stages: the earliest end any of them set (null: none set one). */
export function earliestEnd(ends: (Date | null | undefined)[]): Date | null {
  const set = ends.filter((end): end is Date => end instanceof Date);
  return set.length ? new Date(Math.min(...set.map((end) => end.getTime()))) : null;
}
