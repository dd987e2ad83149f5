import type { QuestionnaireDefinition } from "./questionnaire/index.js";

/** What every impact assessment evidences (ISO 42001 6.1.4, 8.4, A.5.2-A.5.5). */
export const ASSESSMENT_CONTROLS = ["6.1.4", "8.4", "A.5.2", "A.5.3", "A.5.4", "A.5.5"] as const;
/** A sign-off or send-back: the result is documented and shared with the accountable people. */
export const SIGN_OFF_CONTROLS = ["6.1.4", "8.4", "A.5.3", "A.3.2"] as const;

/** The base controls plus those the definition's sections say they evidence, without duplicates. */
export function assessmentControls(definition: QuestionnaireDefinition): string[] {
  return [...new Set([...ASSESSMENT_CONTROLS, ...definition.sections.flatMap((section) => section.controls)])];
}
