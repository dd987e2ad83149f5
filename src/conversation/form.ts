import type { Field, Form } from "./model.js";

export type { Field, FieldErrors, FieldKind, Form, FormState, Option } from "./model.js";

/** What a channel read from a submitted form: strings, and lists for the fields that take several values. */
export type RawValues = Record<string, unknown>;

/**
 * The submitted values, read the same way whichever channel sent them. Slack sends lists as arrays and
 * Teams as one comma-separated string; an empty text is no answer.
 */
export class FormValues {
  constructor(readonly raw: RawValues) {}

  text(id: string): string | undefined {
    const value = this.raw[id];
    if (typeof value === "number") return String(value);
    return typeof value === "string" && value !== "" ? value : undefined;
  }

  list(id: string): string[] {
    const value = this.raw[id];
    if (Array.isArray(value)) return value.map(String);
    return typeof value === "string" ? value.split(",").map((item) => item.trim()).filter(Boolean) : [];
  }

  number(id: string): number | undefined {
    const text = this.text(id)?.trim();
    return text && Number.isFinite(Number(text)) ? Number(text) : undefined;
  }
}

/** The form again with what was typed as each field's value, so a form shown back keeps the person's answers. */
export function withValues(form: Form, values: FormValues): Form {
  return {
    ...form,
    fields: form.fields.map((field): Field => {
      switch (field.kind) {
        case "multiselect":
        case "checkboxes":
          return { ...field, initial: values.list(field.id) };
        case "number":
          return { ...field, initial: values.number(field.id) };
        default:
          return { ...field, initial: values.text(field.id) };
      }
    }),
  };
}
