import {
  REQUEST_FIELDS,
  type FieldErrors,
  type RawRequestForm,
  type RequestField,
} from "../../../features/requests/request-form.js";
import { REQUEST_WORDING as W } from "../../../features/requests/conversation/request-wording.js";
import { adaptiveCard, errorBlock, executeAction, textBlock, type AdaptiveCard, type CardElement } from "./adaptive-card.js";

export interface RequestFormCardOptions {
  title: string;
  /** The verb and data of the submit button; the inputs are merged into the data when it is clicked. */
  verb: string;
  data: Record<string, string>;
  values?: RawRequestForm;
  errors?: FieldErrors;
  intro?: string;
  /** A problem with the whole form (not one field), shown on top. */
  problem?: string;
}

const single = (value: RawRequestForm[keyof RawRequestForm]) => (Array.isArray(value) ? value.join(",") : value);

function input(field: RequestField, value: RawRequestForm[keyof RawRequestForm]): CardElement {
  const common = { id: field.id, label: field.label, isRequired: !field.optional, errorMessage: `${field.label}: required` };
  switch (field.kind) {
    case "text":
    case "long_text":
    case "url":
      return {
        type: "Input.Text",
        ...common,
        maxLength: field.maxLength,
        ...(field.kind === "long_text" ? { isMultiline: true } : {}),
        ...(field.kind === "url" ? { style: "Url" } : {}),
        ...(field.placeholder ? { placeholder: field.placeholder } : {}),
        ...(single(value) ? { value: single(value) } : {}),
      };
    case "number": {
      const number = Number(single(value));
      return {
        type: "Input.Number",
        ...common,
        min: field.min,
        max: field.max,
        ...(single(value) && Number.isFinite(number) ? { value: number } : {}),
      };
    }
    case "multi_select":
    case "single_select":
    case "yes_no":
      return {
        type: "Input.ChoiceSet",
        ...common,
        style: "expanded",
        isMultiSelect: field.kind === "multi_select",
        choices: field.options.map((option) => ({ title: option.label, value: option.value })),
        ...(single(value) ? { value: single(value) } : {}),
      };
  }
}

/**
 * The AI tool request form as an Adaptive Card, built from the same field definitions as the Slack modal. Errors
 * from the shared zod schema sit under the field they are about; everything typed is kept.
 */
export function requestFormCard(options: RequestFormCardOptions): AdaptiveCard {
  const { values = {}, errors = {} } = options;
  const body: CardElement[] = [textBlock(options.title, { size: "large", weight: "bolder" })];
  if (options.intro) body.push(textBlock(options.intro));
  if (options.problem) body.push(textBlock(options.problem, { color: "attention", weight: "bolder" }));
  for (const field of REQUEST_FIELDS) {
    body.push(input(field, values[field.id]));
    if (field.hint) body.push(textBlock(field.hint, { size: "small", subtle: true }));
    const error = errors[field.id];
    if (error) body.push(errorBlock(error));
  }
  return adaptiveCard(body, [executeAction(W.submit, options.verb, options.data, "positive")]);
}

/** The form values out of an `adaptiveCard/action` invoke: Teams sends every input as text, multi-selects comma-joined. */
export function readRequestForm(data: Record<string, unknown>): RawRequestForm {
  const form: RawRequestForm = {};
  for (const field of REQUEST_FIELDS) {
    const raw = data[field.id];
    if (raw === undefined || raw === null) continue;
    const text = String(raw);
    form[field.id] =
      field.kind === "multi_select"
        ? text
            .split(",")
            .map((value) => value.trim())
            .filter(Boolean)
        : text;
  }
  return form;
}
