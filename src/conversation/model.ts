/**
 * What the bot shows, independent of the chat it runs in. Text is light markdown that both chats understand:
 * `**bold**` and `_italic_`; the renderers turn it into Slack mrkdwn or Teams markdown.
 */


/**
 * A button. `action` is the Slack action_id and the Teams verb; `value` travels back with the click. A button that
 * `opens` a form shows it on the spot: Slack opens it in a modal, Teams unfolds it inside the card (Action.ShowCard).
 */
export type Button = { label: string; style?: "primary" | "danger" } & ({ action: string; value?: ActionValue } | { opens: Form });

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
  /**
   * Boxes above the buttons, sent along with each click, for a chat that keeps what was typed in a message (a Teams
   * card); a chat that cannot (Slack) leaves them out, and its buttons ask in a form instead.
   */
  inputs?: Field[];
  /** Identifies the view (the Slack callback_id when shown in a modal). */
  id?: string;
}

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
    /** `concealed`: what is typed is not shown (a secret), where the chat can hide it (Teams). */
    | { kind: "text"; multiline?: boolean; maxLength?: number; initial?: string; concealed?: boolean }
    | { kind: "number"; min?: number; max?: number; initial?: number }
    /** `initial` as YYYY-MM-DD. */
    | { kind: "date"; initial?: string }
    /** A moment, picked in the person's own time zone; `initial` and the value as ISO 8601 (Slack: Unix seconds). */
    | { kind: "datetime"; initial?: string }
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
  cancel?: { label: string; action?: string; value?: ActionValue };
  /** Text above the fields. */
  intro?: Block[];
  fields: Field[];
  state?: FormState;
  /** Buttons besides submit and cancel (Back in a questionnaire): Slack shows them under the fields, Teams before Submit. */
  actions?: Button[];
  /** A page of a sequence (a questionnaire's step): opened by a click in a modal, it replaces that view instead of being pushed over it. */
  page?: boolean;
}

/** Field id → the first problem with it. */
export type FieldErrors = Record<string, string>;
