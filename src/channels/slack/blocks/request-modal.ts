import type { KnownBlock, ModalView } from "@slack/types";
import {
  REQUEST_FIELDS,
  type RawRequestForm,
  type RequestField,
} from "../../../features/requests/request-form.js";
import { REQUEST_WORDING as W } from "../../../features/requests/conversation/request-wording.js";

/** Slack's action_id inside every request input block; the block_id is the field id. */
export const FIELD_ACTION = "value";

function option(o: { value: string; label: string }) {
  return { text: { type: "plain_text" as const, text: o.label }, value: o.value };
}

function element(field: RequestField, value: string | string[] | undefined) {
  const single = typeof value === "string" ? value : undefined;
  switch (field.kind) {
    case "text":
    case "url":
    case "long_text":
      return {
        type: field.kind === "url" ? ("url_text_input" as const) : ("plain_text_input" as const),
        action_id: FIELD_ACTION,
        ...(field.kind === "long_text" ? { multiline: true } : {}),
        ...(field.kind === "url" ? {} : { max_length: field.maxLength }),
        ...(single ? { initial_value: single } : {}),
        ...(field.kind !== "url" && field.placeholder
          ? { placeholder: { type: "plain_text" as const, text: field.placeholder } }
          : {}),
      };
    case "number":
      return {
        type: "number_input" as const,
        action_id: FIELD_ACTION,
        is_decimal_allowed: false,
        min_value: String(field.min),
        max_value: String(field.max),
        ...(single ? { initial_value: single } : {}),
      };
    case "multi_select": {
      const selected = field.options.filter((o) => Array.isArray(value) && value.includes(o.value));
      return {
        type: "checkboxes" as const,
        action_id: FIELD_ACTION,
        options: field.options.map(option),
        ...(selected.length ? { initial_options: selected.map(option) } : {}),
      };
    }
    case "yes_no":
    case "single_select": {
      const selected = field.options.find((o) => o.value === single);
      return {
        type: "radio_buttons" as const,
        action_id: FIELD_ACTION,
        options: field.options.map(option),
        ...(selected ? { initial_option: option(selected) } : {}),
      };
    }
  }
}

export function requestModal(options: {
  callbackId: string;
  privateMetadata: string;
  values?: RawRequestForm;
  title?: string;
  intro?: string;
}): ModalView {
  const intro: KnownBlock[] = options.intro
    ? [{ type: "section", text: { type: "mrkdwn", text: options.intro } }]
    : [];
  return {
    type: "modal",
    callback_id: options.callbackId,
    private_metadata: options.privateMetadata,
    title: { type: "plain_text", text: options.title ?? W.formTitle },
    submit: { type: "plain_text", text: W.submit },
    close: { type: "plain_text", text: W.cancel },
    blocks: [
      ...intro,
      ...REQUEST_FIELDS.map(
        (field): KnownBlock => ({
          type: "input",
          block_id: field.id,
          optional: field.optional ?? false,
          label: { type: "plain_text", text: field.label },
          ...(field.hint ? { hint: { type: "plain_text", text: field.hint } } : {}),
          element: element(field, options.values?.[field.id]) as never,
        }),
      ),
    ],
  };
}

type StateValue = {
  type: string;
  value?: string | null;
  selected_option?: { value: string } | null;
  selected_options?: { value: string }[];
};

/** Reads the request form back out of a submitted modal's state. */
export function readRequestForm(values: Record<string, Record<string, StateValue>>): RawRequestForm {
  const form: RawRequestForm = {};
  for (const field of REQUEST_FIELDS) {
    const state = values[field.id]?.[FIELD_ACTION];
    if (!state) continue;
    if (field.kind === "multi_select") form[field.id] = (state.selected_options ?? []).map((o) => o.value);
    else if (state.selected_option !== undefined) form[field.id] = state.selected_option?.value;
    else form[field.id] = state.value ?? undefined;
  }
  return form;
}
