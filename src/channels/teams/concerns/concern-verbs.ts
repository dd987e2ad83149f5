import { CONCERN_FORM_ID } from "../../../features/concerns/conversation/concern-form-view.js";
import { FOLLOW_UP_IDS } from "../../../features/concerns/conversation/follow-up-views.js";

/** The Action.Execute verbs of the concern cards. */
export const CONCERN_VERBS = {
  submit: CONCERN_FORM_ID,
  hideReceipt: "concern.receipt.hide",
  followUpOpen: FOLLOW_UP_IDS.open,
  followUpAnswer: FOLLOW_UP_IDS.answer,
} as const;

/**
 * What an anonymous reporter clicks. These invokes, like the `concern` messages, are never written to the
 * conversation store: see unlinkable-activity.ts.
 */
export const ANONYMOUS_REPORTER_VERBS: readonly string[] = [
  CONCERN_VERBS.hideReceipt,
  CONCERN_VERBS.followUpOpen,
  CONCERN_VERBS.followUpAnswer,
];

/** The manifest's message action "Report an AI concern" (its composeExtensions command id). */
export const REPORT_CONCERN_COMMAND = "reportConcern";
