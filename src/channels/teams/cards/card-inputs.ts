import { errorBlock, type CardElement } from "./adaptive-card.js";

/**
 * Adaptive Card inputs for the anonymous concern cards, which stay in Teams. Every input carries the id the core's
 * zod schema reads, and is followed by its error (if any), so a refused submission shows it under its field.
 */
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

/** A submitted input as text, or undefined when absent or empty. */
export function readText(data: Record<string, unknown>, id: string): string | undefined {
  const raw = data[id];
  if (raw === undefined || raw === null) return undefined;
  const text = String(raw);
  return text === "" ? undefined : text;
}

