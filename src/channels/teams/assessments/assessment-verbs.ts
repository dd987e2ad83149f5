/** The Action.Execute verbs of the impact assessment cards. */
export const ASSESSMENT_VERBS = {
  start: "assessment.start",
  resume: "assessment.resume",
  startForRequest: "assessment.start_for_request",
  /** On an AI system's re-assessment reminder card; carries the system reference as `reference`. */
  startReassessment: "assessment.start_reassessment",
  next: "assessment.next",
  back: "assessment.back",
  goToStep: "assessment.go_to_step",
  submit: "assessment.submit",
  signOff: "assessment.sign_off",
  sendBack: "assessment.send_back",
} as const;

/** Input ids of one answer in a step card: `q.<question id>` (+ `.likelihood` / `.severity`), never clashing with the card's data. */
export const answerInputId = (questionId: string, part?: "likelihood" | "severity") => `q.${questionId}${part ? `.${part}` : ""}`;

/** What every questionnaire button carries: which assessment, and which step (or submission round). */
export interface AssessmentTarget {
  reference: string;
  number: number;
}

export function readTarget(data: Record<string, unknown>, key: "step" | "round"): AssessmentTarget | null {
  const reference = typeof data.reference === "string" && /^ASM-\d+$/.test(data.reference) ? data.reference : null;
  const number = Number(data[key]);
  return reference && Number.isInteger(number) && number >= 0 ? { reference, number } : null;
}
