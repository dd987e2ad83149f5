import type { Actor } from "../../core/actor.js";
import type { TeamsActivity } from "./transport/index.js";

/** The person behind a Teams activity, identified by their AAD object id; null when Teams did not say (e.g. emulator). */
export function teamsActor(activity: Pick<TeamsActivity, "from">): Actor | null {
  const id = activity.from?.aadObjectId;
  return id ? { channel: "teams", id, name: activity.from.name || undefined } : null;
}

export const UNKNOWN_PERSON_MESSAGE =
  "I can't tell who you are: Teams did not send your Microsoft Entra id. Please message me from Microsoft Teams.";
