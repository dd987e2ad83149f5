import type { InputBlock, ModalView, PlainTextOption } from "@slack/types";
import type { Field, FieldErrors, Form, FormState, Option, RawValues } from "../../../conversation/form.js";
import { blockKitBlocks } from "./block-kit-message.js";

/** Every input's action id: the block id (the field id) tells the fields apart. */
const ACTION = "value";
export { ACTION as FIELD_ACTION };

const plain = (text: string) => ({ type: "plain_text" as const, text });
const option = ({ value, label, description }: Option): PlainTextOption => ({
  text: plain(label),
  value,
  ...(description ? { description: plain(description) } : {}),
});
const chosen = (options: Option[], values: string[] | undefined) => options.filter((candidate) => values?.includes(candidate.value)).map(option);

function element(field: Field): InputBlock["element"] {
  switch (field.kind) {
    case "text":
      return {
        type: "plain_text_input",
        action_id: ACTION,
        multiline: field.multiline ?? false,
        ...(field.maxLength ? { max_length: field.maxLength } : {}),
        ...(field.initial ? { initial_value: field.initial } : {}),
      };
    case "number":
      return {
        type: "number_input",
        action_id: ACTION,
        is_decimal_allowed: false,
        ...(field.min !== undefined ? { min_value: String(field.min) } : {}),
        ...(field.max !== undefined ? { max_value: String(field.max) } : {}),
        ...(field.initial !== undefined ? { initial_value: String(field.initial) } : {}),
      };
    case "date":
      return { type: "datepicker", action_id: ACTION, ...(field.initial ? { initial_date: field.initial } : {}) };
    case "datetime": {
      const initial = field.initial ? Math.floor(new Date(field.initial).getTime() / 1000) : undefined;
      return { type: "datetimepicker", action_id: ACTION, ...(initial ? { initial_date_time: initial } : {}) };
    }
    case "select": {
      const [initial] = chosen(field.options, field.initial === undefined ? undefined : [field.initial]);
      const type = field.radio ? ("radio_buttons" as const) : ("static_select" as const);
      return { type, action_id: ACTION, options: field.options.map(option), ...(initial ? { initial_option: initial } : {}) };
    }
    case "multiselect":
    case "checkboxes": {
      const initial = chosen(field.options, field.initial);
      const type = field.kind === "checkboxes" ? ("checkboxes" as const) : ("multi_static_select" as const);
      return { type, action_id: ACTION, options: field.options.map(option), ...(initial.length > 0 ? { initial_options: initial } : {}) };
    }
    case "person":
      return { type: "users_select", action_id: ACTION, ...(field.initial ? { initial_user: field.initial } : {}) };
  }
}

const input = (field: Field): InputBlock => ({
  type: "input",
  block_id: field.id,
  label: plain(field.label),
  optional: field.optional ?? false,
  ...(field.hint ? { hint: plain(field.hint) } : {}),
  element: element(field),
});

/** Inputs for fields asked inside a modal the channel builds itself (the approve-with-conditions modal). */
export const blockKitInputs = (fields: Field[]): InputBlock[] => fields.map(input);

/** The form's state and the modal it was pushed over, in the modal's private_metadata. */
export interface FormMetadata {
  state: FormState;
  rootViewId?: string;
}

export function blockKitForm(form: Form, rootViewId?: string): ModalView {
  const metadata = { ...form.state, ...(rootViewId ? { rootViewId } : {}) };
  return {
    type: "modal",
    callback_id: form.id,
    private_metadata: JSON.stringify(metadata),
    title: plain(form.title.length <= 24 ? form.title : `${form.title.slice(0, 23)}…`),
    submit: plain(form.submit),
    close: plain(form.cancel?.label ?? "Cancel"),
    blocks: [...blockKitBlocks(form.intro ?? []), ...form.fields.map(input)],
  };
}

export function readFormMetadata(privateMetadata: string): FormMetadata {
  try {
    const { rootViewId, ...state } = JSON.parse(privateMetadata) as FormState & { rootViewId?: unknown };
    return { state, ...(typeof rootViewId === "string" ? { rootViewId } : {}) };
  } catch {
    return { state: {} };
  }
}

type SubmittedElement = {
  value?: string | null;
  selected_option?: { value: string } | null;
  selected_options?: { value: string }[];
  selected_date?: string | null;
  selected_date_time?: number | null;
  selected_user?: string | null;
};

/** view_submission state (block id → action id → element) as field id → value. */
export function readBlockKitValues(values: Record<string, Record<string, SubmittedElement>>): RawValues {
  const raw: RawValues = {};
  for (const [blockId, elements] of Object.entries(values)) {
    const submitted = elements[ACTION];
    if (!submitted) continue;
    raw[blockId] = submitted.selected_options
      ? submitted.selected_options.map((selected) => selected.value)
      : (submitted.selected_option?.value ??
        submitted.selected_date ??
        (typeof submitted.selected_date_time === "number" ? String(submitted.selected_date_time) : undefined) ??
        submitted.selected_user ??
        submitted.value ??
        undefined);
  }
  return raw;
}

/**
 * Slack shows errors only under inputs: a problem with the whole form goes under `firstField` unless that field
 * already has its own.
 */
export function errorsAck(errors: FieldErrors, problem: string | undefined, firstField: string | undefined) {
  const all = problem && firstField && !errors[firstField] ? { [firstField]: problem, ...errors } : errors;
  return { response_action: "errors" as const, errors: all };
}
