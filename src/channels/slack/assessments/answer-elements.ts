import { ASSESSMENT_WORDING } from "../../../features/assessments/conversation/assessment-wording.js";
import type { KnownBlock } from "@slack/types";
import {
  conditionWords,
  maxLengthOf,
  type AnswerValue,
  type Question,
  type QuestionnaireDefinition,
  type StepQuestion,
} from "../../../features/assessments/questionnaire/index.js";
import { truncate } from "../blocks/text.js";
import { ANSWER_ACTION, answerBlockId } from "./ids.js";

/** Radio buttons and checkboxes hold at most 10 options; longer lists become selects. */
const MAX_INLINE_OPTIONS = 10;
const RATINGS = [1, 2, 3, 4, 5];
const W = ASSESSMENT_WORDING.steps;

type Option = { value: string; label: string };
const plain = (text: string) => ({ type: "plain_text" as const, text });
const slackOption = (option: Option) => ({ text: plain(truncate(option.label, 75)), value: option.value });

function choiceElement(options: Option[], selected: string | undefined) {
  const initial = options.find((option) => option.value === selected);
  return {
    type: options.length > MAX_INLINE_OPTIONS ? "static_select" : "radio_buttons",
    action_id: ANSWER_ACTION,
    options: options.map(slackOption),
    ...(options.length > MAX_INLINE_OPTIONS ? { placeholder: plain(ASSESSMENT_WORDING.picker.choose) } : {}),
    ...(initial ? { initial_option: slackOption(initial) } : {}),
  };
}

function multiChoiceElement(options: Option[], selected: readonly string[]) {
  const initial = options.filter((option) => selected.includes(option.value));
  return {
    type: options.length > MAX_INLINE_OPTIONS ? "multi_static_select" : "checkboxes",
    action_id: ANSWER_ACTION,
    options: options.map(slackOption),
    ...(options.length > MAX_INLINE_OPTIONS ? { placeholder: plain("Choose any") } : {}),
    ...(initial.length > 0 ? { initial_options: initial.map(slackOption) } : {}),
  };
}

function ratingOptions(labels: readonly string[] | undefined): Option[] {
  return RATINGS.map((rating) => ({ value: String(rating), label: labels?.[rating - 1] ?? String(rating) }));
}

function ratingSelect(labels: readonly string[], selected: number | undefined, placeholder: string) {
  const options = ratingOptions(labels);
  const initial = options.find((option) => option.value === String(selected));
  return {
    type: "static_select",
    action_id: ANSWER_ACTION,
    placeholder: plain(placeholder),
    options: options.map(slackOption),
    ...(initial ? { initial_option: slackOption(initial) } : {}),
  };
}

function element(question: Question, answer: AnswerValue | undefined) {
  switch (question.type) {
    case "single_choice":
      return choiceElement(question.options ?? [], typeof answer === "string" ? answer : undefined);
    case "multi_choice":
      return multiChoiceElement(question.options ?? [], Array.isArray(answer) ? answer : []);
    case "yes_no":
      return choiceElement([{ value: "yes", label: W.yes }, { value: "no", label: W.no }], typeof answer === "string" ? answer : undefined);
    case "scale":
      return choiceElement(ratingOptions(question.scale_labels), typeof answer === "number" ? String(answer) : undefined);
    case "date":
      return { type: "datepicker", action_id: ANSWER_ACTION, ...(typeof answer === "string" ? { initial_date: answer } : {}) };
    case "text":
    case "long_text":
      return {
        type: "plain_text_input",
        action_id: ANSWER_ACTION,
        multiline: question.type === "long_text",
        max_length: maxLengthOf(question),
        ...(typeof answer === "string" ? { initial_value: answer } : {}),
      };
    case "likelihood_severity":
      throw new Error("likelihood_severity questions take two blocks; use answerBlocks");
  }
}

/** The input block(s) of one question: one per question, two (likelihood, severity) for an affected group. */
export function answerBlocks(definition: QuestionnaireDefinition, { question, askedIf }: StepQuestion, answer: AnswerValue | undefined): KnownBlock[] {
  const hint = [askedIf ? W.answerOnlyIf(conditionWords(definition, askedIf)) : "", question.help ?? ""].filter(Boolean).join(" ");
  const optional = askedIf !== undefined || !question.required;
  const common = { type: "input" as const, optional, ...(hint ? { hint: plain(truncate(hint, 2000)) } : {}) };
  if (question.type === "likelihood_severity") {
    const rating = typeof answer === "object" && !Array.isArray(answer) ? (answer as { likelihood: number; severity: number }) : undefined;
    return [
      {
        ...common,
        block_id: answerBlockId(question.id, "likelihood"),
        label: plain(`${question.label} ${W.likelihood}:`),
        element: ratingSelect(definition.rating_labels.likelihood, rating?.likelihood, "How likely?") as never,
      },
      {
        type: "input",
        optional,
        block_id: answerBlockId(question.id, "severity"),
        label: plain(truncate(`${W.severity(question.group_label)}:`, 2000)),
        element: ratingSelect(definition.rating_labels.severity, rating?.severity, "How serious?") as never,
      },
    ];
  }
  return [{ ...common, block_id: answerBlockId(question.id), label: plain(question.label), element: element(question, answer) as never }];
}

type StateValue = {
  value?: string | null;
  selected_option?: { value: string } | null;
  selected_options?: { value: string }[];
  selected_date?: string | null;
};
export type ViewStateValues = Record<string, Record<string, StateValue>>;

function rawValue(state: StateValue | undefined): unknown {
  if (!state) return undefined;
  if (state.selected_options !== undefined) return state.selected_options.map((option) => option.value);
  if (state.selected_option !== undefined) return state.selected_option?.value;
  if (state.selected_date !== undefined) return state.selected_date ?? undefined;
  return state.value ?? undefined;
}

/** The raw answers of a submitted step form, keyed by question id, for validateStepAnswers. */
export function readStepAnswers(questions: readonly StepQuestion[], values: ViewStateValues): Record<string, unknown> {
  const raw: Record<string, unknown> = {};
  for (const { question } of questions) {
    if (question.type === "likelihood_severity") {
      const likelihood = rawValue(values[answerBlockId(question.id, "likelihood")]?.[ANSWER_ACTION]);
      const severity = rawValue(values[answerBlockId(question.id, "severity")]?.[ANSWER_ACTION]);
      raw[question.id] = likelihood === undefined && severity === undefined ? undefined : { likelihood, severity };
    } else {
      raw[question.id] = rawValue(values[answerBlockId(question.id)]?.[ANSWER_ACTION]);
    }
  }
  return raw;
}

/** Field errors keyed by question id, moved onto the block that shows each question. */
export function errorsByBlock(questions: readonly StepQuestion[], errors: Record<string, string>): Record<string, string> {
  const types = new Map(questions.map(({ question }) => [question.id, question.type]));
  return Object.fromEntries(
    Object.entries(errors).map(([questionId, message]) => [
      answerBlockId(questionId, types.get(questionId) === "likelihood_severity" ? "likelihood" : undefined),
      message,
    ]),
  );
}
