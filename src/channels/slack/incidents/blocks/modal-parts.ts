import type { KnownBlock } from "@slack/types";

/** Slack's action_id inside every incident input block; the block_id is the field name the core parses. */
export const FIELD_ACTION = "value";

export interface Choice {
  value: string;
  label: string;
  description?: string;
}

export const plain = (text: string) => ({ type: "plain_text" as const, text });

export function option(choice: Choice) {
  return {
    text: plain(choice.label),
    value: choice.value,
    ...(choice.description ? { description: plain(choice.description) } : {}),
  };
}

/** One input block: the element gets FIELD_ACTION as its action_id. */
export function input(
  blockId: string,
  label: string,
  element: Record<string, unknown>,
  extra: { optional?: boolean; hint?: string } = {},
): KnownBlock {
  return {
    type: "input",
    block_id: blockId,
    optional: extra.optional ?? false,
    label: plain(label),
    ...(extra.hint ? { hint: plain(extra.hint) } : {}),
    element: { ...element, action_id: FIELD_ACTION } as never,
  };
}

export const textInput = (maxLength: number, options: { multiline?: boolean; initial?: string; placeholder?: string } = {}) => ({
  type: "plain_text_input",
  max_length: maxLength,
  ...(options.multiline ? { multiline: true } : {}),
  ...(options.initial ? { initial_value: options.initial.slice(0, maxLength) } : {}),
  ...(options.placeholder ? { placeholder: plain(options.placeholder) } : {}),
});

export const radios = (choices: readonly Choice[]) => ({ type: "radio_buttons", options: choices.map(option) });
export const checkboxes = (choices: readonly Choice[]) => ({ type: "checkboxes", options: choices.map(option) });

export function section(text: string): KnownBlock {
  return { type: "section", text: { type: "mrkdwn", text } };
}

type StateValue = {
  type: string;
  value?: string | null;
  selected_option?: { value: string } | null;
  selected_options?: { value: string }[];
  selected_date_time?: number | null;
  selected_date?: string | null;
  selected_user?: string | null;
};

/** Reads a submitted modal's answers by block id: text, chosen value(s), picked date, time or person. */
export function readModalState(values: Record<string, Record<string, StateValue>>): Record<string, string | string[] | undefined> {
  const form: Record<string, string | string[] | undefined> = {};
  for (const [blockId, actions] of Object.entries(values)) {
    const state = actions[FIELD_ACTION];
    if (!state) continue;
    if (state.selected_options !== undefined) form[blockId] = state.selected_options.map((o) => o.value);
    else if (state.selected_option !== undefined) form[blockId] = state.selected_option?.value;
    else if (state.selected_date_time !== undefined) form[blockId] = state.selected_date_time == null ? undefined : String(state.selected_date_time);
    else if (state.selected_date !== undefined) form[blockId] = state.selected_date ?? undefined;
    else if (state.selected_user !== undefined) form[blockId] = state.selected_user ?? undefined;
    else form[blockId] = state.value ?? undefined;
  }
  return form;
}
