import type { Field, FieldErrors, Option } from "../../../conversation/form.js";
import { errorBlock, type CardElement } from "../cards/adaptive-card.js";

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

/** The form's inputs, each error right under its field. */
export function cardInputs(fields: Field[], errors: FieldErrors = {}): CardElement[] {
  return fields.flatMap((field) => {
    const error = errors[field.id];
    return error ? [input(field), errorBlock(error)] : [input(field)];
  });
}
