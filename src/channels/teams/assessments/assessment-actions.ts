import type { CardActionHandler } from "../actions/card-action.js";
import { ASSESSMENT_VERBS } from "./assessment-verbs.js";
import { startForRequest, startReassessment } from "./start-buttons.js";

/** The buttons other cards carry to start an assessment, by verb. */
export const ASSESSMENT_ACTIONS: Record<(typeof ASSESSMENT_VERBS)[keyof typeof ASSESSMENT_VERBS], CardActionHandler> = {
  [ASSESSMENT_VERBS.startForRequest]: startForRequest,
  [ASSESSMENT_VERBS.startReassessment]: startReassessment,
};
