import type { CardActionHandler } from "../actions/card-action.js";
import { ASSESSMENT_VERBS } from "./assessment-verbs.js";
import { navigate, nextStep, resumeAssessment, startAssessment, startForRequest, startReassessment, submitAssessment } from "./questionnaire-actions.js";
import { reviewAssessment } from "./review-actions.js";

/** Every impact assessment card button, by verb. */
export const ASSESSMENT_ACTIONS: Record<(typeof ASSESSMENT_VERBS)[keyof typeof ASSESSMENT_VERBS], CardActionHandler> = {
  [ASSESSMENT_VERBS.start]: startAssessment,
  [ASSESSMENT_VERBS.resume]: resumeAssessment,
  [ASSESSMENT_VERBS.startForRequest]: startForRequest,
  [ASSESSMENT_VERBS.startReassessment]: startReassessment,
  [ASSESSMENT_VERBS.next]: nextStep,
  [ASSESSMENT_VERBS.back]: navigate("back"),
  [ASSESSMENT_VERBS.goToStep]: navigate("to"),
  [ASSESSMENT_VERBS.submit]: submitAssessment,
  [ASSESSMENT_VERBS.signOff]: reviewAssessment("signed_off"),
  [ASSESSMENT_VERBS.sendBack]: reviewAssessment("sent_back"),
};
