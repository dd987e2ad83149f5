import { SCHEDULING_IDS } from "../../../features/scheduler/conversation/scheduling-ids.js";
import type { CardAction } from "../transport/index.js";

/*
 * Cards posted before the conversation layer (up to dccd4d2) carry the verbs of that version. Most verbs and their
 * data are the same today (request decisions, Mark done, Reassign, Record progress, the assessment cards); Snooze
 * was one verb with the period in its data and is now one verb per period. An old click is rewritten into the new
 * one before it is routed. Remove once no card of that version can still be clicked (see README, Upgrading).
 */
const LEGACY_VERBS: Record<string, (data: Record<string, unknown>) => CardAction> = {
  "due.snooze": ({ period, ...data }) => ({ verb: period === "week" ? SCHEDULING_IDS.snoozeWeek : SCHEDULING_IDS.snoozeDay, data }),
};

/** The action a new card would have sent for this one (itself when it is not an old one). */
export function modernCardAction(action: CardAction): CardAction {
  const legacy = LEGACY_VERBS[action.verb];
  return legacy ? legacy(action.data ?? {}) : action;
}
