import { START_ASSESSMENT_ACTION } from "../../../features/assessments/approval-gate.js";
import { QUESTIONNAIRE_IDS, SIGN_OFF_IDS } from "../../../features/assessments/conversation/assessment-ids.js";

/** Every Slack callback_id and action_id of impact assessments: the capability's, and the buttons other messages carry. */
export const ASSESSMENT_IDS = {
  views: { ...QUESTIONNAIRE_IDS.forms, ...SIGN_OFF_IDS.forms },
  actions: {
    ...QUESTIONNAIRE_IDS.actions,
    ...SIGN_OFF_IDS.actions,
    /** Send back opens its form: the button's action is the form's id. */
    sendBack: SIGN_OFF_IDS.forms.sendBack,
    /** The "Start assessment" button the approval gate offers on a high-risk request. */
    startForRequest: START_ASSESSMENT_ACTION,
    /** "Start re-assessment" on an AI system's re-assessment reminder; its value is the system reference. */
    startReassessment: "assessment_start_reassessment",
  },
} as const;
