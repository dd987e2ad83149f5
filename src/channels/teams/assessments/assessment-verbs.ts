/** The Action.Execute verbs of the impact assessment cards besides the questionnaire's (written once in the feature). */
export const ASSESSMENT_VERBS = {
  startForRequest: "assessment.start_for_request",
  /** On an AI system's re-assessment reminder card; carries the system reference as `reference`. */
  startReassessment: "assessment.start_reassessment",
  signOff: "assessment.sign_off",
  sendBack: "assessment.send_back",
} as const;

/** What a sign-off button carries: which assessment, and which submission round. */
export interface AssessmentTarget {
  reference: string;
  number: number;
}

export function readTarget(data: Record<string, unknown>, key: "round"): AssessmentTarget | null {
  const reference = typeof data.reference === "string" && /^ASM-\d+$/.test(data.reference) ? data.reference : null;
  const number = Number(data[key]);
  return reference && Number.isInteger(number) && number >= 0 ? { reference, number } : null;
}
