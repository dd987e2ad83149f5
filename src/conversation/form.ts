import type { Block, Button } from "./message.js";

/** A choice of a select, a multi select or checkboxes. */
export interface Option {
  value: string;
  label: string;
  description?: string;
}

interface FieldBase {
  /** The name the domain's form and its errors use (`{ errors: { [id]: "…" } }`). */
  id: string;
  label: string;
  /** A line of help under the field (Slack) or inside it (Teams placeholder). */
  hint?: string;
  optional?: boolean;
}

export type Field = FieldBase &
  (
    | { kind: "text"; multiline?: boolean; maxLength?: number; initial?: string }
    | { kind: "number"; min?: number; max?: number; initial?: number }
    /** `initial` as YYYY-MM-DD. */
    | { kind: "date"; initial?: string }
    | { kind: "select"; options: Option[]; radio?: boolean; initial?: string }
    | { kind: "multiselect"; options: Option[]; initial?: string[] }
    | { kind: "checkboxes"; options: Option[]; initial?: string[] }
    /** A person of the chat the form is shown in; the value is their id there. */
    | { kind: "person"; initial?: string }
  );

export type FieldKind = Field["kind"];

/** Values that travel with the form and come back with its submission (ids, the version the person was shown). */
export type FormState = Record<string, string | number>;

export interface Form {
  /** The Slack callback_id and the Teams verb of Submit. */
  id: string;
  title: string;
  submit: string;
  /** Slack: the close button's text. Teams: a button with `action` when set, e.g. back to where the form came from. */
  cancel?: { label: string; action?: string; value?: Button["value"] };
  /** Text above the fields. */
  intro?: Block[];
  fields: Field[];
  state?: FormState;
}

/** Field id → the first problem with it. */
export type FieldErrors = Record<string, string>;

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
