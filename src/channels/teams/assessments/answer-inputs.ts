import { ASSESSMENT_WORDING } from "../../../features/assessments/conversation/assessment-wording.js";
import {
  conditionWords,
  maxLengthOf,
  type AnswerValue,
  type Question,
  type QuestionnaireDefinition,
  type StepQuestion,
} from "../../../features/assessments/questionnaire/index.js";
import { errorBlock, textBlock, type CardElement } from "../cards/adaptive-card.js";
import { truncate } from "../cards/text.js";
import { answerInputId } from "./assessment-verbs.js";

/** What the inputs of a step card show: as typed (Teams sends every input as text, multi-selects comma-joined). */
export type TypedValues = Record<string, string>;

/** Expanded radio buttons and checkboxes stay readable up to 10 options; longer lists become drop-downs. */
const MAX_EXPANDED_OPTIONS = 10;
const RATINGS = ["1", "2", "3", "4", "5"];
const W = ASSESSMENT_WORDING.steps;

type Choice = { value: string; label: string };

function choiceSet(id: string, label: string, choices: readonly Choice[], value: string | undefined, multi = false): CardElement {
  return {
    type: "Input.ChoiceSet",
    id,
    label,
    style: choices.length > MAX_EXPANDED_OPTIONS ? "compact" : "expanded",
    isMultiSelect: multi,
    choices: choices.map((choice) => ({ title: truncate(choice.label, 100), value: choice.value })),
    ...(value ? { value } : {}),
  };
}

const ratingChoices = (labels: readonly string[] | undefined): Choice[] =>
  RATINGS.map((rating, index) => ({ value: rating, label: labels?.[index] ?? rating }));

function input(definition: QuestionnaireDefinition, question: Question, label: string, values: TypedValues): CardElement[] {
  const id = answerInputId(question.id);
  const value = values[id];
  switch (question.type) {
    case "single_choice":
    case "multi_choice":
      return [choiceSet(id, label, question.options ?? [], value, question.type === "multi_choice")];
    case "yes_no":
      return [choiceSet(id, label, [{ value: "yes", label: W.yes }, { value: "no", label: W.no }], value)];
    case "scale":
      return [choiceSet(id, label, ratingChoices(question.scale_labels), value)];
    case "date":
      return [{ type: "Input.Date", id, label, ...(value ? { value } : {}) }];
    case "text":
    case "long_text":
      return [
        {
          type: "Input.Text",
          id,
          label,
          maxLength: maxLengthOf(question),
          ...(question.type === "long_text" ? { isMultiline: true } : {}),
          ...(value ? { value } : {}),
        },
      ];
    case "likelihood_severity": {
      const likelihood = answerInputId(question.id, "likelihood");
      const severity = answerInputId(question.id, "severity");
      return [
        textBlock(`**${label}**`),
        {
          type: "ColumnSet",
          columns: [
            { type: "Column", width: "stretch", items: [choiceSet(likelihood, W.likelihood, ratingChoices(definition.rating_labels.likelihood), values[likelihood])] },
            { type: "Column", width: "stretch", items: [choiceSet(severity, W.severity(question.group_label), ratingChoices(definition.rating_labels.severity), values[severity])] },
          ],
        },
      ];
    }
  }
}

/**
 * The inputs of one question, its help and its error right under it. Nothing is marked isRequired: Back must send
 * a half-filled step, and the service says what is missing, question by question.
 */
export function answerElements(
  definition: QuestionnaireDefinition,
  { question, askedIf }: StepQuestion,
  values: TypedValues,
  error: string | undefined,
): CardElement[] {
  const optional = askedIf !== undefined || !question.required;
  const label = `${question.label}${optional ? " (optional)" : ""}`;
  const hint = [askedIf ? W.answerOnlyIf(conditionWords(definition, askedIf)) : "", question.help ?? ""].filter(Boolean).join(" ");
  return [
    ...input(definition, question, label, values),
    ...(hint ? [textBlock(hint, { size: "small", subtle: true })] : []),
    ...(error ? [errorBlock(error)] : []),
  ];
}

/** The stored answers of some questions as the inputs show them. */
export function typedValuesOf(questions: readonly StepQuestion[], answers: Readonly<Record<string, AnswerValue | undefined>>): TypedValues {
  const values: TypedValues = {};
  for (const { question } of questions) {
    const answer = answers[question.id];
    if (answer === undefined) continue;
    if (question.type === "likelihood_severity" && typeof answer === "object" && !Array.isArray(answer)) {
      const { likelihood, severity } = answer as { likelihood: number; severity: number };
      values[answerInputId(question.id, "likelihood")] = String(likelihood);
      values[answerInputId(question.id, "severity")] = String(severity);
    } else {
      values[answerInputId(question.id)] = Array.isArray(answer) ? answer.join(",") : String(answer);
    }
  }
  return values;
}

/** The inputs of a step out of an invoke's data, as typed. */
export function typedValuesFrom(questions: readonly StepQuestion[], data: Record<string, unknown>): TypedValues {
  const ids = questions.flatMap(({ question }) =>
    question.type === "likelihood_severity"
      ? [answerInputId(question.id, "likelihood"), answerInputId(question.id, "severity")]
      : [answerInputId(question.id)],
  );
  return Object.fromEntries(ids.filter((id) => data[id] !== undefined && data[id] !== null).map((id) => [id, String(data[id])]));
}

/** The raw answers of a step, keyed by question id, for the service's validation; inputs the card did not send are left out. */
export function rawAnswers(questions: readonly StepQuestion[], values: TypedValues): Record<string, unknown> {
  const raw: Record<string, unknown> = {};
  for (const { question } of questions) {
    if (question.type === "likelihood_severity") {
      const likelihood = values[answerInputId(question.id, "likelihood")];
      const severity = values[answerInputId(question.id, "severity")];
      if (likelihood !== undefined || severity !== undefined) raw[question.id] = { likelihood, severity };
      continue;
    }
    const text = values[answerInputId(question.id)];
    if (text === undefined) continue;
    raw[question.id] = question.type === "multi_choice" ? text.split(",").map((value) => value.trim()).filter(Boolean) : text;
  }
  return raw;
}
