import { START_ASSESSMENT_ACTION } from "../../../features/assessments/approval-gate.js";

/** Every Slack callback_id and action_id of impact assessments. */
export const ASSESSMENT_IDS = {
  views: {
    start: "assessment_start",
    step: "assessment_step",
    review: "assessment_review",
    sendBack: "assessment_send_back",
  },
  actions: {
    resume: "assessment_resume",
    back: "assessment_back",
    goToStep: "assessment_go_to_step",
    signOff: "assessment_sign_off",
    sendBack: "assessment_send_back_open",
    /** The "Start assessment" button the approval gate offers on a high-risk request. */
    startForRequest: START_ASSESSMENT_ACTION,
    /** "Start re-assessment" on an AI system's re-assessment reminder; its value is the system reference. */
    startReassessment: "assessment_start_reassessment",
  },
} as const;

/** Block and action ids of one answer in a step form: `q.<question id>` (+ `.likelihood` / `.severity`). */
export const ANSWER_ACTION = "answer";
export const answerBlockId = (questionId: string, part?: "likelihood" | "severity") => `q.${questionId}${part ? `.${part}` : ""}`;

/** What a step or review modal remembers: which assessment, and which step is on screen. */
export interface StepMetadata {
  reference: string;
  step: number;
}

export function parseStepMetadata(text: string): StepMetadata | null {
  try {
    const parsed = JSON.parse(text) as Partial<StepMetadata>;
    return typeof parsed.reference === "string" && typeof parsed.step === "number" ? { reference: parsed.reference, step: parsed.step } : null;
  } catch {
    return null;
  }
}

/** "ASM-0001:2": an assessment and a number (a step, or a submission round). */
export function parseReferenceValue(value: string): { reference: string; number: number } | null {
  const match = /^(ASM-\d+):(\d+)$/.exec(value);
  return match ? { reference: match[1]!, number: Number(match[2]) } : null;
}
