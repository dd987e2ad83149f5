import { DateTime } from "luxon";
import type { TeamsActivity } from "../transport/index.js";

/** A `datetime` field is two inputs in a card, a date and a time, with these ids. */
export const dateTimeInputs = (id: string) => ({ date: `${id}Date`, time: `${id}Time` });

/** The person's time zone as Teams reports it (localTimezone, or the clientInfo entity), else UTC. */
export function timeZoneOf(activity: Partial<TeamsActivity>): string {
  const fromEntity = activity.entities?.find((entity) => entity.type === "clientInfo")?.timezone;
  const zone = activity.localTimezone || (typeof fromEntity === "string" ? fromEntity : "") || "UTC";
  return DateTime.local().setZone(zone).isValid ? zone : "UTC";
}

/** Today's date and the time now in that zone, as the form's starting values. */
export function nowInputs(now: Date, zone: string): { date: string; time: string } {
  const local = DateTime.fromJSDate(now).setZone(zone);
  return { date: local.toISODate()!, time: local.toFormat("HH:mm") };
}

/**
 * Adaptive Cards ask for a date and a time separately, in the person's own zone; a `datetime` field is one
 * moment, so they become an ISO 8601 date-time with offset. Missing or unreadable parts give undefined.
 */
export function dateTimeValue(date: string | undefined, time: string | undefined, zone: string): string | undefined {
  if (!date) return undefined;
  const moment = DateTime.fromISO(`${date}T${time || "00:00"}`, { zone });
  return moment.isValid ? moment.toISO()! : undefined;
}
