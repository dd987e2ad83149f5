import { CONCERN_VERBS } from "./concerns/concern-verbs.js";
import { ASSESSMENT_VERBS } from "./assessments/assessment-verbs.js";
import { QUESTIONNAIRE_IDS, SIGN_OFF_IDS } from "../../features/assessments/conversation/assessment-ids.js";
import { ERASURE_VERBS } from "./erasure/erasure-verbs.js";
import { REQUEST_IDS } from "../../features/requests/conversation/request-ids.js";

/** The `verb` of every Action.Execute the Teams cards carry. */
export const TEAMS_VERBS = {
  ...CONCERN_VERBS,
  ...ASSESSMENT_VERBS,
  ...QUESTIONNAIRE_IDS.forms,
  ...QUESTIONNAIRE_IDS.actions,
  ...SIGN_OFF_IDS.actions,
  ...SIGN_OFF_IDS.forms,
  ...ERASURE_VERBS,
  approve: REQUEST_IDS.approve,
  approveWithConditions: REQUEST_IDS.approveWithConditions,
  reject: REQUEST_IDS.reject,
  requestChanges: REQUEST_IDS.requestChanges,
} as const;

export type TeamsVerb = (typeof TEAMS_VERBS)[keyof typeof TEAMS_VERBS];
