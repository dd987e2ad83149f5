import { z } from "zod";

/** The period an audit pack covers: records dated on or after `from` and before `to` (either may be open). */
export interface EvidencePeriod {
  readonly from?: Date;
  readonly to?: Date;
}

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date such as 2026-01-31");

/**
 * Reads --from/--to style dates (YYYY-MM-DD, UTC). `to` is inclusive of the whole day it names, so
 * "--from 2026-01-01 --to 2026-03-31" covers the first quarter.
 */
export function parseEvidencePeriod(input: { from?: string; to?: string }): { ok: true; period: EvidencePeriod } | { ok: false; message: string } {
  const day = (value: string | undefined, name: string) => {
    if (value === undefined) return undefined;
    const parsed = isoDay.safeParse(value);
    const date = parsed.success ? new Date(`${value}T00:00:00.000Z`) : new Date(Number.NaN);
    if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
      throw new Error(`--${name} ${value}: must be a date such as 2026-01-31`);
    }
    return date;
  };
  try {
    const from = day(input.from, "from");
    const toDay = day(input.to, "to");
    const to = toDay ? new Date(toDay.getTime() + 86_400_000) : undefined;
    if (from && to && from >= to) return { ok: false, message: "--from must be on or before --to" };
    return { ok: true, period: { from, to } };
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
}

export function describePeriod(period: EvidencePeriod): string {
  const day = (date: Date) => date.toISOString().slice(0, 10);
  const lastDay = period.to ? day(new Date(period.to.getTime() - 86_400_000)) : undefined;
  if (period.from && lastDay) return `${day(period.from)} to ${lastDay}`;
  if (period.from) return `from ${day(period.from)}`;
  if (lastDay) return `up to ${lastDay}`;
  return "all records";
}
