import type { AnswerValue } from "./answer-value.js";
import type { Condition, Question, QuestionnaireDefinition } from "./definition-schema.js";
import { questionsById } from "./definition-index.js";
import type { Step } from "./plan-steps.js";
import { visibleQuestionIds } from "./visibility.js";

export interface StepQuestion {
  readonly question: Question;
  /** The show_if that depends on another question of the same step: the form cannot know yet, so it asks "if ...". */
  readonly askedIf?: Condition;
}

/**
 * The questions one step shows, given the answers from other steps. A question whose show_if depends on an
 * earlier step is left out when that answer hides it; one that depends on a question of the same step is shown
 * with `askedIf`, and validateStepAnswers ignores it when the answer given in the same form hides it.
 */
export function questionsForStep(
  definition: QuestionnaireDefinition,
  step: Pick<Step, "questionIds">,
  answers: Readonly<Record<string, AnswerValue | undefined>>,
): StepQuestion[] {
  const questions = questionsById(definition);
  const visible = visibleQuestionIds(definition, answers);
  return step.questionIds.flatMap((questionId): StepQuestion[] => {
    const question = questions.get(questionId);
    if (question === undefined) return [];
    const condition = question.show_if;
    if (condition === undefined) return [{ question }];
    if (step.questionIds.includes(condition.question)) return [{ question, askedIf: condition }];
    return visible.has(questionId) ? [{ question }] : [];
  });
}
