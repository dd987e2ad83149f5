import type { Activity } from "botbuilder";
import { DateTime } from "luxon";

export const DETECTED_INPUTS = { date: "detectedDate", time: "detectedTime" } as const;

/** The person's time zone as Teams reports it (localTimezone, or the clientInfo entity), else UTC. */
export function timeZoneOf(activity: Partial<Activity>): string {
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
 * Adaptive Cards ask for a date and a time separately, in the person's own zone; the shared schema wants one
 * moment, so they become an ISO 8601 date-time with offset. Missing or unreadable parts give undefined.
 */
export function detectedAtValue(date: string | undefined, time: string | undefined, zone: string): string | undefined {
  if (!date) return undefined;
  const moment = DateTime.fromISO(`${date}T${time || "00:00"}`, { zone });
  return moment.isValid ? moment.toISO()! : undefined;
}
