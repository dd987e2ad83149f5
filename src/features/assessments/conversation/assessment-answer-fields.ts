import type { Field, FieldErrors, FormValues, Option } from "../../../conversation/form.js";
import { truncate } from "../../../conversation/message.js";
import { conditionWords, maxLengthOf, type AnswerValue, type QuestionnaireDefinition, type StepQuestion } from "../questionnaire/index.js";
import { ASSESSMENT_WORDING } from "./assessment-wording.js";

const W = ASSESSMENT_WORDING.steps;
/** Radio buttons and checkboxes stay readable up to 10 options (Slack holds no more); longer lists become drop-downs. */
const MAX_INLINE_OPTIONS = 10;
/** Slack labels and hints hold 2,000 characters. */
const TEXT_MAX = 2000;
const RATINGS = [1, 2, 3, 4, 5];

type Part = "likelihood" | "severity";

/** A question's field: `q.<question id>`, and `.likelihood` / `.severity` for the two ratings of an affected group. */
export const answerFieldId = (questionId: string, part?: Part) => `q.${questionId}${part ? `.${part}` : ""}`;

const ratingOptions = (labels: readonly string[] | undefined): Option[] =>
  RATINGS.map((rating) => ({ value: String(rating), label: labels?.[rating - 1] ?? String(rating) }));
const textOf = (answer: AnswerValue | undefined) => (typeof answer === "string" || typeof answer === "number" ? { initial: String(answer) } : {});
const choice = (options: readonly Option[], answer: AnswerValue | undefined) => ({
  kind: "select" as const,
  options: [...options],
  radio: options.length <= MAX_INLINE_OPTIONS,
  ...textOf(answer),
});

/**
 * The field(s) of one question with its stored answer: one per question, two (likelihood, severity) for an affected
 * group. Nothing is required by the chat: Back must take a half-filled step, and the service says what is missing.
 */
export function answerFields(definition: QuestionnaireDefinition, { question, askedIf }: StepQuestion, answer: AnswerValue | undefined): Field[] {
  const hint = [askedIf ? W.answerOnlyIf(conditionWords(definition, askedIf)) : "", question.help ?? ""].filter(Boolean).join(" ");
  const common = { optional: askedIf !== undefined || !question.required, ...(hint ? { hint: truncate(hint, TEXT_MAX) } : {}) };
  const id = answerFieldId(question.id);
  const label = truncate(question.label, TEXT_MAX);
  switch (question.type) {
    case "single_choice":
      return [{ ...common, id, label, ...choice(question.options ?? [], answer) }];
    case "multi_choice": {
      const options = [...(question.options ?? [])];
      const initial = Array.isArray(answer) ? { initial: [...answer] } : {};
      return [{ ...common, id, label, kind: options.length > MAX_INLINE_OPTIONS ? "multiselect" : "checkboxes", options, ...initial }];
    }
    case "yes_no":
      return [{ ...common, id, label, ...choice([{ value: "yes", label: W.yes }, { value: "no", label: W.no }], answer) }];
    case "scale":
      return [{ ...common, id, label, ...choice(ratingOptions(question.scale_labels), answer) }];
    case "date":
      return [{ ...common, id, label, kind: "date", ...textOf(answer) }];
    case "text":
    case "long_text":
      return [{ ...common, id, label, kind: "text", multiline: question.type === "long_text", maxLength: maxLengthOf(question), ...textOf(answer) }];
    case "likelihood_severity": {
      const rating = typeof answer === "object" && !Array.isArray(answer) ? (answer as { likelihood: number; severity: number }) : undefined;
      const rated = (part: Part, labels: readonly string[], text: string): Field => ({
        id: answerFieldId(question.id, part),
        label: truncate(`${text}:`, TEXT_MAX),
        optional: common.optional,
        kind: "select",
        options: ratingOptions(labels),
        ...(rating ? { initial: String(rating[part]) } : {}),
      });
      const likelihood = rated("likelihood", definition.rating_labels.likelihood, `${question.label} ${W.likelihood}`);
      return [{ ...likelihood, ...(common.hint ? { hint: common.hint } : {}) }, rated("severity", definition.rating_labels.severity, W.severity(question.group_label))];
    }
  }
}

/** The raw answers of a submitted step, keyed by question id, for the service's validation; fields not sent are left out. */
export function rawAnswers(questions: readonly StepQuestion[], values: FormValues): Record<string, unknown> {
  const raw: Record<string, unknown> = {};
  for (const { question } of questions) {
    const id = answerFieldId(question.id);
    if (question.type === "likelihood_severity") {
      const likelihood = values.text(answerFieldId(question.id, "likelihood"));
      const severity = values.text(answerFieldId(question.id, "severity"));
      raw[question.id] = likelihood === undefined && severity === undefined ? undefined : { likelihood, severity };
    } else {
      raw[question.id] = question.type === "multi_choice" ? (values.raw[id] === undefined ? undefined : values.list(id)) : values.text(id);
    }
  }
  return raw;
}

/** The service's errors by question id, moved onto the field that shows each question. */
export function errorsByField(questions: readonly StepQuestion[], errors: Readonly<Record<string, string>>): FieldErrors {
  const types = new Map(questions.map(({ question }) => [question.id, question.type]));
  return Object.fromEntries(
    Object.entries(errors).map(([questionId, message]) => [answerFieldId(questionId, types.get(questionId) === "likelihood_severity" ? "likelihood" : undefined), message]),
  );
}
