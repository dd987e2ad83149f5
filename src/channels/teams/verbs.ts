import { CONCERN_VERBS } from "./concerns/concern-verbs.js";
import { ASSESSMENT_VERBS } from "./assessments/assessment-verbs.js";
import { ERASURE_VERBS } from "./erasure/erasure-verbs.js";
import { REQUEST_IDS } from "../../features/requests/conversation/request-ids.js";

/** The `verb` of every Action.Execute the Teams cards carry. */
export const TEAMS_VERBS = {
  ...CONCERN_VERBS,
  ...ASSESSMENT_VERBS,
  ...ERASURE_VERBS,
  approve: REQUEST_IDS.approve,
  approveWithConditions: REQUEST_IDS.approveWithConditions,
  reject: REQUEST_IDS.reject,
  requestChanges: REQUEST_IDS.requestChanges,
} as const;

export type TeamsVerb = (typeof TEAMS_VERBS)[keyof typeof TEAMS_VERBS];
