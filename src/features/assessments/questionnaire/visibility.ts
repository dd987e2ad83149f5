import type { Condition, QuestionnaireDefinition } from "./definition-schema.js";
import { listQuestions } from "./definition-index.js";
import type { AnswerValue } from "./answer-value.js";

export type AnswerLookup = Readonly<Record<string, AnswerValue | undefined>>;

/**
 * A condition on a question that has no answer is false, whatever the operator: a follow-up question only
 * appears once the question it depends on has been answered.
 */
export function conditionHolds(condition: Condition, answers: AnswerLookup): boolean {
  const answer = answers[condition.question];
  if (answer === undefined) return false;
  if (condition.equals !== undefined) return answer === condition.equals;
  if (condition.not_equals !== undefined) return answer !== condition.not_equals;
  if (condition.in !== undefined) return condition.in.some((value) => value === answer);
  if (condition.includes !== undefined) return Array.isArray(answer) && answer.includes(condition.includes);
  if (condition.includes_any !== undefined) return Array.isArray(answer) && condition.includes_any.some((value) => answer.includes(value));
  if (condition.at_least !== undefined) return typeof answer === "number" && answer >= condition.at_least;
  if (condition.at_most !== undefined) return typeof answer === "number" && answer <= condition.at_most;
  return false;
}

/**
 * Ids of the questions shown for these answers. A question is hidden when its show_if is false or when the
 * question it depends on is itself hidden (its stale answer must not reveal follow-ups).
 */
export function visibleQuestionIds(definition: QuestionnaireDefinition, answers: AnswerLookup): Set<string> {
  const visible = new Set<string>();
  const shownAnswers: Record<string, AnswerValue | undefined> = {};
  for (const { question } of listQuestions(definition)) {
    const condition = question.show_if;
    if (condition === undefined || (visible.has(condition.question) && conditionHolds(condition, shownAnswers))) {
      visible.add(question.id);
      shownAnswers[question.id] = answers[question.id];
    }
  }
  return visible;
}
