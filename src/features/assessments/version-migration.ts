import type { ImpactAssessment } from "../../db/generated/client.js";
import { readAnswersForDefinition, type Answers, type QuestionnaireDefinition } from "./questionnaire/index.js";

export interface CarriedAnswers {
  answers: Answers;
  /** Answers that do not fit the new version, keyed by the version they were given under; never thrown away. */
  setAside: Record<string, Record<string, unknown>>;
  droppedQuestionIds: string[];
}

/**
 * Answers stored under one questionnaire version, made ready for `definition`. Used to pre-fill a re-assessment
 * and to carry a draft over to a new version; the stored assessment itself is never rewritten here.
 */
export function carryAnswers(
  stored: Pick<ImpactAssessment, "answers" | "definitionVersion" | "setAsideAnswers">,
  definition: QuestionnaireDefinition,
): CarriedAnswers {
  const reading = readAnswersForDefinition(stored.answers, stored.definitionVersion, definition);
  const leftOver: Record<string, unknown> = { ...reading.setAside };
  for (const dropped of reading.dropped) leftOver[dropped.questionId] = dropped.value;
  if (reading.unreadable !== undefined) leftOver["(unreadable)"] = reading.unreadable;
  const earlier = (stored.setAsideAnswers ?? {}) as Record<string, Record<string, unknown>>;
  const setAside = Object.keys(leftOver).length > 0 ? { ...earlier, [stored.definitionVersion]: leftOver } : { ...earlier };
  return { answers: reading.answers, setAside, droppedQuestionIds: reading.dropped.map((dropped) => dropped.questionId) };
}
