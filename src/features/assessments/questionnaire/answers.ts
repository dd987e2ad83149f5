import type { QuestionnaireDefinition } from "./definition-schema.js";
import { listQuestions, questionsById } from "./definition-index.js";
import { type AnswerValue, normalizeAnswer } from "./answer-value.js";
import { visibleQuestionIds } from "./visibility.js";

export type { AnswerValue, LikelihoodSeverity } from "./answer-value.js";

/** Answers keyed by question id. Always persisted together with the definition id and version. */
export type Answers = Record<string, AnswerValue>;

export type StepValidation = { ok: true; answers: Answers } | { ok: false; errors: Record<string, string> };

export interface MissingQuestion {
  readonly sectionId: string;
  readonly questionId: string;
  readonly label: string;
}

const REQUIRED_MESSAGE = "This question needs an answer.";

/**
 * Validates the raw values submitted for one step. Questions hidden by show_if are ignored (no error, no answer).
 * `earlierAnswers` are the answers from previous steps, needed when a show_if depends on one of them.
 */
export function validateStepAnswers(
  definition: QuestionnaireDefinition,
  step: { readonly questionIds: readonly string[] },
  raw: Readonly<Record<string, unknown>>,
  earlierAnswers: Readonly<Answers> = {},
): StepValidation {
  const questions = questionsById(definition);
  const context: Record<string, AnswerValue | undefined> = { ...earlierAnswers };
  const formatErrors: Record<string, string> = {};
  for (const questionId of step.questionIds) {
    const question = questions.get(questionId);
    if (question === undefined) throw new Error(`step refers to question "${questionId}", which is not in definition "${definition.id}"`);
    const normalized = normalizeAnswer(question, raw[questionId]);
    context[questionId] = normalized.ok ? normalized.value : undefined;
    if (!normalized.ok) formatErrors[questionId] = normalized.error;
  }

  const visible = visibleQuestionIds(definition, context);
  const answers: Answers = {};
  const errors: Record<string, string> = {};
  for (const questionId of step.questionIds) {
    if (!visible.has(questionId)) continue;
    const value = context[questionId];
    if (formatErrors[questionId] !== undefined) errors[questionId] = formatErrors[questionId];
    else if (value !== undefined) answers[questionId] = value;
    else if (questions.get(questionId)?.required) errors[questionId] = REQUIRED_MESSAGE;
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, answers };
}

/** The answers that count: valid for their question and on a question currently shown. */
export function effectiveAnswers(definition: QuestionnaireDefinition, answers: Readonly<Record<string, unknown>>): Answers {
  const valid: Answers = {};
  for (const { question } of listQuestions(definition)) {
    const normalized = normalizeAnswer(question, answers[question.id]);
    if (normalized.ok && normalized.value !== undefined) valid[question.id] = normalized.value;
  }
  const visible = visibleQuestionIds(definition, valid);
  return Object.fromEntries(Object.entries(valid).filter(([questionId]) => visible.has(questionId)));
}

/** Required questions, currently shown, that have no valid answer yet, in definition order. */
export function missingQuestions(definition: QuestionnaireDefinition, answers: Readonly<Record<string, unknown>>): MissingQuestion[] {
  const answered = effectiveAnswers(definition, answers);
  const visible = visibleQuestionIds(definition, answered);
  return listQuestions(definition)
    .filter(({ question }) => question.required && visible.has(question.id) && answered[question.id] === undefined)
    .map(({ section, question }) => ({ sectionId: section.id, questionId: question.id, label: question.label }));
}

export function isComplete(definition: QuestionnaireDefinition, answers: Readonly<Record<string, unknown>>): boolean {
  return missingQuestions(definition, answers).length === 0;
}
