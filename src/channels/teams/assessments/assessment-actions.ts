import type { CardActionHandler } from "../actions/card-action.js";
import { ASSESSMENT_VERBS } from "./assessment-verbs.js";
import { startForRequest, startReassessment } from "./questionnaire-actions.js";
import { reviewAssessment } from "./review-actions.js";

/** The impact assessment card buttons the questionnaire's capability does not answer, by verb. */
export const ASSESSMENT_ACTIONS: Record<(typeof ASSESSMENT_VERBS)[keyof typeof ASSESSMENT_VERBS], CardActionHandler> = {
  [ASSESSMENT_VERBS.startForRequest]: startForRequest,
  [ASSESSMENT_VERBS.startReassessment]: startReassessment,
  [ASSESSMENT_VERBS.signOff]: reviewAssessment("signed_off"),
  [ASSESSMENT_VERBS.sendBack]: reviewAssessment("sent_back"),
};
