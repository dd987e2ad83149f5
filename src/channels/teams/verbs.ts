import { CONCERN_VERBS } from "./concerns/concern-verbs.js";
import { ASSESSMENT_VERBS } from "./assessments/assessment-verbs.js";
import { ERASURE_VERBS } from "./erasure/erasure-verbs.js";

/** The `verb` of every Action.Execute the Teams cards carry. */
export const TEAMS_VERBS = {
  ...CONCERN_VERBS,
  ...ASSESSMENT_VERBS,
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
