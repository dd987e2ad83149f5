import type { Field, FieldErrors, Form, Option, RawValues } from "../../../conversation/form.js";
import { FIX_MARKED_ANSWERS } from "../../../conversation/reply.js";
import { adaptiveCard, errorBlock, executeAction, textBlock, type AdaptiveCard, type CardElement } from "../cards/adaptive-card.js";
import { cardElements } from "./adaptive-card-message.js";

const choice = ({ value, label, description }: Option) => ({ title: description ? `${label}: ${description}` : label, value });

function input(field: Field): CardElement {
  const common = { id: field.id, label: field.label, ...(field.hint ? { placeholder: field.hint } : {}) };
  switch (field.kind) {
    case "text":
      return {
        type: "Input.Text",
        ...common,
        isMultiline: field.multiline ?? false,
        ...(field.maxLength ? { maxLength: field.maxLength } : {}),
        ...(field.initial ? { value: field.initial } : {}),
      };
    case "number":
      return {
        type: "Input.Number",
        ...common,
        ...(field.min !== undefined ? { min: field.min } : {}),
        ...(field.max !== undefined ? { max: field.max } : {}),
        ...(field.initial !== undefined ? { value: field.initial } : {}),
      };
    case "date":
      return { type: "Input.Date", ...common, ...(field.initial ? { value: field.initial } : {}) };
    case "select":
      return {
        type: "Input.ChoiceSet",
        ...common,
        style: field.radio ? "expanded" : "compact",
        choices: field.options.map(choice),
        ...(field.initial ? { value: field.initial } : {}),
      };
    case "multiselect":
    case "checkboxes":
      return {
        type: "Input.ChoiceSet",
        ...common,
        style: field.kind === "checkboxes" ? "expanded" : "compact",
        isMultiSelect: true,
        choices: field.options.map(choice),
        ...(field.initial?.length ? { value: field.initial.join(",") } : {}),
      };
    case "person":
      return {
        type: "Input.ChoiceSet",
        ...common,
        choices: [],
        "choices.data": { type: "Data.Query", dataset: "graph.microsoft.com/users" },
        ...(field.initial ? { value: field.initial } : {}),
      };
  }
}

/**
 * The form as a card. Submit is a Universal Action whose verb is the form's id and whose data is its state, with
 * the inputs merged in by Teams. Shown back with errors, each one sits under its field and `problem` (or a line
 * asking to fix the marked answers) above them.
 */
export function adaptiveCardForm(form: Form, errors: FieldErrors = {}, problem?: string): AdaptiveCard {
  const banner = problem ?? (Object.keys(errors).length > 0 ? FIX_MARKED_ANSWERS : undefined);
  const body: CardElement[] = [
    textBlock(form.title, { size: "large", weight: "bolder" }),
    ...(banner ? [textBlock(banner, { color: "attention", weight: "bolder" })] : []),
    ...cardElements(form.intro ?? []),
    ...form.fields.flatMap((field) => {
      const error = errors[field.id];
      return error ? [input(field), errorBlock(error)] : [input(field)];
    }),
  ];
  const cancel = form.cancel?.action ? [executeAction(form.cancel.label, form.cancel.action, form.cancel.value ?? {})] : [];
  return adaptiveCard(body, [executeAction(form.submit, form.id, form.state ?? {}, "positive"), ...cancel]);
}

/** Action.Execute data (the state and the inputs, all strings) as raw form values; lists stay comma-separated. */
export function readCardValues(data: Record<string, unknown>): RawValues {
  return Object.fromEntries(Object.entries(data).filter(([, value]) => typeof value === "string" || typeof value === "number"));
}
