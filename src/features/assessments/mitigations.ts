import { describeAnswer, type Answers, type QuestionnaireDefinition } from "./questionnaire/index.js";

/** The section whose answers are the assessor's commitments (shown to the owners who sign off). */
export const MITIGATIONS_SECTION_ID = "mitigations";

export interface MitigationEntry {
  question: string;
  answer: string;
}

/** The answered questions of the mitigations section, in words; empty if the definition has no such section. */
export function mitigationsFrom(definition: QuestionnaireDefinition, answers: Answers): MitigationEntry[] {
  const section = definition.sections.find((candidate) => candidate.id === MITIGATIONS_SECTION_ID);
  return (section?.questions ?? [])
    .filter((question) => answers[question.id] !== undefined)
    .map((question) => ({ question: question.label, answer: describeAnswer(definition, question, answers[question.id]) }));
}
