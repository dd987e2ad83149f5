import type { Field, FieldErrors, Option } from "../../../conversation/form.js";
import { errorBlock, textBlock, type CardElement } from "../cards/adaptive-card.js";
import { dateTimeInputs, nowInputs } from "./time-zone.js";

const TIME_LABEL = "Time (your time zone)";

const choice = ({ value, label, description }: Option) => ({ title: description ? `${label}: ${description}` : label, value });

function input(field: Field, zone: string): CardElement | CardElement[] {
  const common = { id: field.id, label: field.label, ...(field.hint ? { placeholder: field.hint } : {}) };
  switch (field.kind) {
    case "text":
      return {
        type: "Input.Text",
        ...common,
        isMultiline: field.multiline ?? false,
        ...(field.maxLength ? { maxLength: field.maxLength } : {}),
        ...(field.concealed ? { style: "Password" } : {}),
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
    case "datetime": {
      const ids = dateTimeInputs(field.id);
      const initial = field.initial ? nowInputs(new Date(field.initial), zone) : undefined;
      return [
        { type: "Input.Date", ...common, id: ids.date, ...(initial ? { value: initial.date } : {}) },
        { type: "Input.Time", id: ids.time, label: TIME_LABEL, ...(initial ? { value: initial.time } : {}) },
      ];
    }
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

/** Expanded choices show no placeholder: their hint goes under them. */
const hintBelow = (field: Field) => Boolean(field.hint) && ((field.kind === "select" && field.radio) || field.kind === "checkboxes");

/** The form's inputs, each error right under its field; date and time in `zone`. */
export function cardInputs(fields: Field[], errors: FieldErrors = {}, zone = "UTC"): CardElement[] {
  return fields.flatMap((field) => {
    const error = errors[field.id];
    return [input(field, zone), ...(hintBelow(field) ? [textBlock(field.hint!, { size: "small", subtle: true })] : []), ...(error ? [errorBlock(error)] : [])].flat();
  });
}
