import { START_ASSESSMENT_ACTION } from "../../../features/assessments/approval-gate.js";
import { QUESTIONNAIRE_IDS } from "../../../features/assessments/conversation/assessment-ids.js";

/** Every Slack callback_id and action_id of impact assessments: the questionnaire's, and the sign-off's own. */
export const ASSESSMENT_IDS = {
  views: {
    ...QUESTIONNAIRE_IDS.forms,
    sendBack: "assessment_send_back",
  },
  actions: {
    ...QUESTIONNAIRE_IDS.actions,
    signOff: "assessment_sign_off",
    sendBack: "assessment_send_back_open",
    /** The "Start assessment" button the approval gate offers on a high-risk request. */
    startForRequest: START_ASSESSMENT_ACTION,
    /** "Start re-assessment" on an AI system's re-assessment reminder; its value is the system reference. */
    startReassessment: "assessment_start_reassessment",
  },
} as const;

/** "ASM-0001:2": an assessment and a submission round. */
export function parseReferenceValue(value: string): { reference: string; number: number } | null {
  const match = /^(ASM-\d+):(\d+)$/.exec(value);
  return match ? { reference: match[1]!, number: Number(match[2]) } : null;
}
