import { normalizeAnswer } from "./answer-value.js";
import type { Answers } from "./answers.js";
import type { QuestionnaireDefinition } from "./definition-schema.js";
import { questionsById } from "./definition-index.js";
import type { Step } from "./plan-steps.js";

/**
 * What a half-filled step form can keep when the person leaves it without pressing Next (e.g. with Back):
 * every answer that is valid on its own replaces the stored one, a blank field clears it, and an invalid value
 * leaves the stored answer as it was. Requiredness is not checked; Next does that.
 */
export function mergePartialStepAnswers(
  definition: QuestionnaireDefinition,
  step: Pick<Step, "questionIds">,
  raw: Readonly<Record<string, unknown>>,
  stored: Readonly<Answers>,
): Answers {
  const questions = questionsById(definition);
  const merged: Answers = { ...stored };
  for (const questionId of step.questionIds) {
    const question = questions.get(questionId);
    if (question === undefined || !(questionId in raw)) continue;
    const normalized = normalizeAnswer(question, raw[questionId]);
    if (!normalized.ok) continue;
    if (normalized.value === undefined) delete merged[questionId];
    else merged[questionId] = normalized.value;
  }
  return merged;
}
