import type { KnownBlock, ModalView } from "@slack/types";
import type { AiSystem } from "../../../db/generated/client.js";
import {
  AI_SYSTEM_TEXT_MAX,
  CONCERN_CATEGORIES,
  DESCRIPTION_MAX,
  QUOTE_MAX,
  type ConcernFieldErrors,
  type RawConcernForm,
} from "../../../features/concerns/concern-form.js";
import type { QuotedMessage } from "../../../features/concerns/concern-service.js";
import { escapeMrkdwn, truncate } from "../blocks/text.js";
import { SLACK_IDS } from "../ids.js";

export const VALUE = "value";
export const BLOCKS = {
  description: "description",
  aiSystemReference: "aiSystemReference",
  aiSystemText: "aiSystemText",
  category: "category",
  anonymous: "anonymous",
} as const;
const ANONYMOUS_OPTION = "anonymous";

/** Carried in the modal: a random key for the submission, and the message being quoted. */
export interface ConcernFormMetadata {
  nonce: string;
  quote?: QuotedMessage;
}

const plain = (text: string) => ({ type: "plain_text" as const, text });
const option = (value: string, label: string) => ({ text: plain(truncate(label, 75)), value });

export function concernFormModal(metadata: ConcernFormMetadata, register: AiSystem[]): ModalView {
  const quoted: KnownBlock[] = metadata.quote
    ? [{ type: "context", elements: [{ type: "mrkdwn", text: `*Quoted message:*\n>${escapeMrkdwn(truncate(metadata.quote.text, 500)).replace(/\n/g, "\n>")}` }] }]
    : [];
  const registerSelect: KnownBlock[] = register.length
    ? [
        {
          type: "input",
          block_id: BLOCKS.aiSystemReference,
          optional: true,
          label: plain("Which AI system? (from the register)"),
          element: {
            type: "static_select",
            action_id: VALUE,
            placeholder: plain("Choose a system"),
            options: register.map((system) => option(system.reference, `${system.name} (${system.reference})`)),
          },
        },
      ]
    : [];
  return {
    type: "modal",
    callback_id: SLACK_IDS.concerns.views.submit,
    private_metadata: JSON.stringify(metadata),
    title: plain("Report an AI concern"),
    submit: plain("Send"),
    close: plain("Cancel"),
    blocks: [
      {
        type: "section",
        text: {
          type: "mrkdwn",
          text: "Tell the AIMS triagers about a problem with AI. Only they see it. Tick *Report anonymously* and nothing that identifies you is stored.",
        },
      },
      ...quoted,
      {
        type: "input",
        block_id: BLOCKS.description,
        label: plain("What happened?"),
        element: { type: "plain_text_input", action_id: VALUE, multiline: true, max_length: DESCRIPTION_MAX },
      },
      ...registerSelect,
      {
        type: "input",
        block_id: BLOCKS.aiSystemText,
        optional: true,
        label: plain(register.length ? "…or, if it is not listed, which AI system?" : "Which AI system?"),
        element: { type: "plain_text_input", action_id: VALUE, max_length: AI_SYSTEM_TEXT_MAX },
      },
      {
        type: "input",
        block_id: BLOCKS.category,
        label: plain("What kind of concern is it?"),
        element: { type: "radio_buttons", action_id: VALUE, options: CONCERN_CATEGORIES.map((c) => option(c.value, c.label)) },
      },
      {
        type: "input",
        block_id: BLOCKS.anonymous,
        optional: true,
        label: plain("Anonymity"),
        element: {
          type: "checkboxes",
          action_id: VALUE,
          options: [
            {
              text: plain("Report anonymously"),
              description: plain("You get a case code and a secret to follow up; we never learn who you are."),
              value: ANONYMOUS_OPTION,
            },
          ],
        },
      },
    ],
  };
}

type StateValue = { value?: string | null; selected_option?: { value: string } | null; selected_options?: { value: string }[] };

export function readConcernForm(values: Record<string, Record<string, StateValue>>): RawConcernForm {
  const read = (block: string) => values[block]?.[VALUE];
  return {
    description: read(BLOCKS.description)?.value ?? undefined,
    category: read(BLOCKS.category)?.selected_option?.value,
    aiSystemReference: read(BLOCKS.aiSystemReference)?.selected_option?.value,
    aiSystemText: read(BLOCKS.aiSystemText)?.value ?? undefined,
    anonymous: (read(BLOCKS.anonymous)?.selected_options ?? []).some((o) => o.value === ANONYMOUS_OPTION),
  };
}

export function formErrors(errors: ConcernFieldErrors): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).filter((entry): entry is [string, string] => Boolean(entry[1])));
}

/** Private metadata is capped at 3000 characters; a long quote is cut to fit. */
export function quoteFor(text: string, extra: Omit<QuotedMessage, "text"> = {}): QuotedMessage {
  return { text: truncate(text, Math.min(QUOTE_MAX, 2000)), ...extra };
}
