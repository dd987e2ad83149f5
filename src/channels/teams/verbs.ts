import { CONCERN_VERBS } from "./concerns/concern-verbs.js";
import { ASSESSMENT_VERBS } from "./assessments/assessment-verbs.js";
import { QUESTIONNAIRE_IDS, SIGN_OFF_IDS } from "../../features/assessments/conversation/assessment-ids.js";
import { SCHEDULING_VERBS } from "./scheduling/scheduling-verbs.js";
import { ERASURE_VERBS } from "./erasure/erasure-verbs.js";

/** The `verb` of every Action.Execute the Teams cards carry. */
export const TEAMS_VERBS = {
  ...SCHEDULING_VERBS,
  ...CONCERN_VERBS,
  ...ASSESSMENT_VERBS,
  ...QUESTIONNAIRE_IDS.forms,
  ...QUESTIONNAIRE_IDS.actions,
  ...SIGN_OFF_IDS.actions,
  ...SIGN_OFF_IDS.forms,
  ...ERASURE_VERBS,
  submitRequest: "request.submit",
  resubmitRequest: "request.resubmit",
  editRequest: "request.edit",
  approve: "request.approve",
  approveWithConditions: "request.approve_conditions",
  reject: "request.reject",
  requestChanges: "request.changes",
} as const;

export type TeamsVerb = (typeof TEAMS_VERBS)[keyof typeof TEAMS_VERBS];
