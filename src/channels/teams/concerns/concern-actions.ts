import type { CardActionHandler } from "../actions/card-action.js";
import { CONCERN_VERBS } from "./concern-verbs.js";
import { answerAnonymously, hideReceipt, openFollowUp, submitConcern } from "./reporter-actions.js";

/** The reporter's concern card buttons, by verb (triage is the neutral `triageCapability`). */
export const CONCERN_ACTIONS: Record<(typeof CONCERN_VERBS)[keyof typeof CONCERN_VERBS], CardActionHandler> = {
  [CONCERN_VERBS.submit]: submitConcern,
  [CONCERN_VERBS.hideReceipt]: hideReceipt,
  [CONCERN_VERBS.followUpOpen]: openFollowUp,
  [CONCERN_VERBS.followUpAnswer]: answerAnonymously,
};
