/**
 * What the bot shows, independent of the chat it runs in. Text is light markdown that both chats understand:
 * `**bold**` and `_italic_`; the renderers turn it into Slack mrkdwn or Teams markdown.
 */

/** A button. `action` is the Slack action_id and the Teams verb; `value` travels back with the click. */
export interface Button {
  label: string;
  action: string;
  value?: ActionValue;
  style?: "primary" | "danger";
}

export type ActionValue = Record<string, string | number>;

/** One line of a section, or a line the channel may show in a quieter style. */
export type Line = string | { text: string; muted: true };

export type Block =
  /** A group of lines with an optional button beside it; `id` stays stable so a test or an update can find it. */
  | { kind: "section"; lines: Line[]; id?: string; button?: Button; tone?: "good" | "warning" }
  | { kind: "heading"; text: string }
  /** Label and value pairs, such as a record's details. */
  | { kind: "fields"; fields: { label: string; value: string }[] }
  /** Small print under the content. */
  | { kind: "context"; text: string }
  | { kind: "actions"; buttons: Button[] }
  | { kind: "divider" };

export interface Message {
  /** Short (Slack modal titles hold 24 characters): the title of a modal, the heading of a card. */
  title: string;
  /** What previews and notifications show. */
  summary: string;
  blocks: Block[];
  /** Buttons at the bottom of the message. */
  actions?: Button[];
  /** Identifies the view (the Slack callback_id when shown in a modal). */
  id?: string;
}

export const section = (lines: Line[], options: Omit<Extract<Block, { kind: "section" }>, "kind" | "lines"> = {}): Block => ({
  kind: "section",
  lines,
  ...options,
});
export const heading = (text: string): Block => ({ kind: "heading", text });
export const fields = (pairs: { label: string; value: string }[]): Block => ({ kind: "fields", fields: pairs });
export const context = (text: string): Block => ({ kind: "context", text });
export const actions = (buttons: Button[]): Block => ({ kind: "actions", buttons });
export const muted = (text: string): Line => ({ text, muted: true });
export const lineText = (line: Line): string => (typeof line === "string" ? line : line.text);
