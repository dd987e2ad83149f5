import type { ModalView } from "@slack/types";
import type { RawErasureForm } from "../../../features/organisation/erasure-form.js";
import { ERASURE_IDS } from "./erasure-ids.js";
import { ERASURE_WORDING } from "../../../features/organisation/erasure-messages.js";

const { blocks, action, confirmed } = ERASURE_IDS;
const plain = (text: string) => ({ type: "plain_text" as const, text });
const TITLE = plain("Erase personal data");

/** The erasure form: the person, why, and a confirmation. AIMS owners only (checked again on submit). */
export function eraseModal(): ModalView {
  return {
    type: "modal",
    callback_id: ERASURE_IDS.views.erase,
    title: TITLE,
    submit: plain("Erase"),
    close: plain("Cancel"),
    blocks: [
      {
        type: "section",
        text: {
          type: "mrkdwn",
          text:
            "Erases a leaver's personal data on request (GDPR Art. 17): their name and email are replaced by a pseudonym " +
            "in every record and audit event, their roles end. Records and the audit chain are kept. This cannot be undone.",
        },
      },
      { type: "input", block_id: blocks.person, label: plain("Person"), element: { type: "users_select", action_id: action } },
      {
        type: "input",
        block_id: blocks.reason,
        label: plain("Reason"),
        hint: plain("For example the request's reference. Do not repeat their name: the reason is kept."),
        element: { type: "plain_text_input", action_id: action, max_length: 500 },
      },
      {
        type: "input",
        block_id: blocks.confirm,
        optional: true,
        label: plain("Confirm"),
        element: { type: "checkboxes", action_id: action, options: [{ text: plain(ERASURE_WORDING.confirm), value: confirmed }] },
      },
    ],
  };
}

type StateValues = Record<string, Record<string, { value?: string | null; selected_user?: string | null; selected_options?: { value: string }[] }>>;

/** The form as the core reads it. */
export function readEraseForm(values: StateValues): RawErasureForm {
  const person = values[blocks.person]?.[action]?.selected_user;
  return {
    person: person ? `slack:${person}` : undefined,
    reason: values[blocks.reason]?.[action]?.value ?? undefined,
    confirm: (values[blocks.confirm]?.[action]?.selected_options ?? []).some((option) => option.value === confirmed),
  };
}

/** A closing view with the outcome. */
export function erasedView(text: string): ModalView {
  return { type: "modal", title: TITLE, close: plain("Close"), blocks: [{ type: "section", text: { type: "mrkdwn", text } }] };
}
