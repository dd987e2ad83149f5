import { REVIEW_KIND_NAMES, REVIEW_KINDS } from "../../../../features/reviews/review-kinds.js";
import { adaptiveCard, errorBlock, executeAction, textBlock, type AdaptiveCard, type CardElement } from "../../cards/adaptive-card.js";
import { peoplePicker } from "./reminder-card.js";
import { SCHEDULING_VERBS as VERBS } from "../scheduling-verbs.js";

export type FormValues = Record<string, string | undefined>;
export type FormErrors = Partial<Record<string, string>>;

export type Field = { id: string; label: string; input: CardElement; optional?: boolean };

const choices = (pairs: [string, string][]) => pairs.map(([value, title]) => ({ title, value }));
const text = (maxLength: number): CardElement => ({ type: "Input.Text", maxLength });
const number = (min?: number, max?: number): CardElement => ({ type: "Input.Number", ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) });
const date: CardElement = { type: "Input.Date" };
const select = (options: [string, string][]): CardElement => ({ type: "Input.ChoiceSet", style: "compact", choices: choices(options) });

const REVIEW_FIELDS: Field[] = [
  { id: "kind", label: "Kind of review", input: select(REVIEW_KIND_NAMES.map((kind) => [kind, REVIEW_KINDS[kind].label])) },
  { id: "title", label: "Name", input: text(150) },
  { id: "ownerId", label: "Owner", input: peoplePicker() },
  { id: "intervalMonths", label: "Every how many months", input: number(1, 60) },
  { id: "nextDueAt", label: "Next due", input: date },
];

const OBJECTIVE_FIELDS: Field[] = [
  { id: "title", label: "Objective", input: text(200) },
  { id: "target", label: "How it is measured", input: text(300) },
  { id: "targetValue", label: "Target value", input: number() },
  { id: "unit", label: "Unit (%, count ...)", input: text(30), optional: true },
  { id: "ownerId", label: "Owner", input: peoplePicker() },
  { id: "dueAt", label: "Due date", input: date },
  { id: "cadence", label: "Check-in cadence", input: select([["weekly", "Weekly"], ["monthly", "Monthly"], ["quarterly", "Quarterly"]]) },
];

/** The inputs of each form, to read them back out of an invoke's data. */
export const REVIEW_FORM_FIELDS: readonly Field[] = REVIEW_FIELDS;
export const OBJECTIVE_FORM_FIELDS: readonly Field[] = OBJECTIVE_FIELDS;

function formCard(title: string, fields: Field[], submit: CardElement, values: FormValues, errors: FormErrors, problem?: string): AdaptiveCard {
  const body: CardElement[] = [textBlock(title, { size: "large", weight: "bolder" })];
  if (problem) body.push(textBlock(problem, { color: "attention", weight: "bolder" }));
  for (const field of fields) {
    const value = field.input.type === "Input.Number" && values[field.id] ? Number(values[field.id]) : values[field.id];
    const keep = value !== undefined && value !== "" && !Number.isNaN(value);
    body.push({ ...field.input, id: field.id, label: field.label, isRequired: !field.optional, errorMessage: `${field.label}: required`, ...(keep ? { value } : {}) });
    const error = errors[field.id];
    if (error) body.push(errorBlock(error));
  }
  return adaptiveCard(body, [submit]);
}

/** A new review schedule (AIMS owners): the same fields and rules as Slack's modal, from the shared zod schema. */
export function reviewScheduleForm(values: FormValues = { kind: "other", intervalMonths: "12" }, errors: FormErrors = {}, problem?: string): AdaptiveCard {
  return formCard("New review schedule", REVIEW_FIELDS, executeAction("Save", VERBS.saveReview, {}, "positive"), values, errors, problem);
}

/** A new AI objective (AIMS owners and managers). */
export function objectiveForm(values: FormValues = { cadence: "monthly" }, errors: FormErrors = {}, problem?: string): AdaptiveCard {
  return formCard("New AI objective", OBJECTIVE_FIELDS, executeAction("Add", VERBS.saveObjective, {}, "positive"), values, errors, problem);
}

/**
 * Teams sends every input as text. An empty text box stays "" so the schema names what is too short; any other
 * empty input is missing (an empty number must not read as 0).
 */
export function readForm(data: Record<string, unknown>, fields: readonly Field[]): FormValues {
  return Object.fromEntries(
    fields.map(({ id, input }) => {
      const value = data[id];
      if (value === undefined || value === null || value === "") return [id, input.type === "Input.Text" ? "" : undefined];
      return [id, String(value)];
    }),
  );
}
