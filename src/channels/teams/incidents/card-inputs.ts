import { errorBlock, type CardElement } from "../cards/adaptive-card.js";

/**
 * Adaptive Card inputs for the concern and incident forms. Every input carries the id the core's zod schema reads,
 * and is followed by its error (if any), so a refused submission comes back with the error under its field.
 */
export interface Choice {
  value: string;
  label: string;
  description?: string;
}

type Common = { label: string; required?: boolean; error?: string };

function withError(input: CardElement, error?: string): CardElement[] {
  return error ? [input, errorBlock(error)] : [input];
}

const common = (id: string, { label, required }: Common) => ({
  id,
  label,
  isRequired: Boolean(required),
  ...(required ? { errorMessage: `${label}: required` } : {}),
});

export function textInput(
  id: string,
  options: Common & { maxLength: number; multiline?: boolean; value?: string; placeholder?: string; style?: "Password" },
): CardElement[] {
  return withError(
    {
      type: "Input.Text",
      ...common(id, options),
      maxLength: options.maxLength,
      ...(options.multiline ? { isMultiline: true } : {}),
      ...(options.style ? { style: options.style } : {}),
      ...(options.placeholder ? { placeholder: options.placeholder } : {}),
      ...(options.value ? { value: options.value.slice(0, options.maxLength) } : {}),
    },
    options.error,
  );
}

export function choiceInput(
  id: string,
  options: Common & { choices: readonly Choice[]; multi?: boolean; compact?: boolean; value?: string | string[] },
): CardElement[] {
  const value = Array.isArray(options.value) ? options.value.join(",") : options.value;
  return withError(
    {
      type: "Input.ChoiceSet",
      ...common(id, options),
      style: options.compact ? "compact" : "expanded",
      isMultiSelect: Boolean(options.multi),
      choices: options.choices.map((choice) => ({
        title: choice.description ? `${choice.label}: ${choice.description}` : choice.label,
        value: choice.value,
      })),
      ...(value ? { value } : {}),
    },
    options.error,
  );
}

/** Teams' people picker: searches the organisation's directory and answers with the chosen person's AAD object id. */
export function personInput(id: string, options: Common & { value?: string }): CardElement[] {
  return withError(
    {
      type: "Input.ChoiceSet",
      ...common(id, options),
      choices: [],
      "choices.data": { type: "Data.Query", dataset: "graph.microsoft.com/users" },
      ...(options.value ? { value: options.value } : {}),
    },
    options.error,
  );
}

export function dateInput(id: string, options: Common & { value?: string }): CardElement[] {
  return withError({ type: "Input.Date", ...common(id, options), ...(options.value ? { value: options.value } : {}) }, options.error);
}

export function timeInput(id: string, options: Common & { value?: string }): CardElement[] {
  return withError({ type: "Input.Time", ...common(id, options), ...(options.value ? { value: options.value } : {}) }, options.error);
}

/** A checkbox; Teams sends `valueOn` when ticked and `valueOff` when not. */
export function toggleInput(id: string, options: { title: string; valueOn: string; value?: boolean; error?: string; label?: string }): CardElement[] {
  return withError(
    {
      type: "Input.Toggle",
      id,
      title: options.title,
      ...(options.label ? { label: options.label } : {}),
      valueOn: options.valueOn,
      valueOff: "",
      value: options.value ? options.valueOn : "",
    },
    options.error,
  );
}

/** A submitted input as text, or undefined when absent or empty. */
export function readText(data: Record<string, unknown>, id: string): string | undefined {
  const raw = data[id];
  if (raw === undefined || raw === null) return undefined;
  const text = String(raw);
  return text === "" ? undefined : text;
}

/** A multi-select as Teams sends it (comma-joined), as a list. */
export function readList(data: Record<string, unknown>, id: string): string[] {
  return (readText(data, id) ?? "")
    .split(",")
    .map((value) => value.trim())
    .filter(Boolean);
}
