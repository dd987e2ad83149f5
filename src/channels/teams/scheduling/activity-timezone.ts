import { DateTime } from "luxon";
import type { TeamsActivity } from "../transport/index.js";

const isZone = (zone: unknown): zone is string => typeof zone === "string" && zone !== "" && DateTime.local().setZone(zone).isValid;

/**
 * The sender's IANA timezone as Teams reports it: `localTimezone` on the activity, else the `clientInfo` entity's
 * `timezone`. Undefined when neither names a valid zone (the organisation's AIMS_TIMEZONE then applies).
 */
export function activityTimezone(activity: Partial<Pick<TeamsActivity, "localTimezone" | "entities">>): string | undefined {
  const clientInfo = activity.entities?.find((entity) => entity.type === "clientInfo") as { timezone?: unknown } | undefined;
  return [activity.localTimezone, clientInfo?.timezone].find(isZone);
}
