import type { AiSystem } from "../../../db/generated/client.js";
import { type Form, FormValues } from "../../../conversation/form.js";
import { muted, section, truncate } from "../../../conversation/message.js";
import { AI_SYSTEM_TEXT_MAX, CONCERN_CATEGORIES, DESCRIPTION_MAX, type RawConcernForm } from "../concern-form.js";
import { CONCERN_WORDING as W } from "./concern-wording.js";

/** The Slack callback id and the Teams verb of the concern form's Send. */
export const CONCERN_FORM_ID = "concern.submit";
const ANONYMOUS = "anonymous";
/** Slack offers at most 100 options in a select. */
const REGISTER_CHOICES_SHOWN = 100;

/**
 * The concern form, the same in both chats; validation is the shared zod schema. Each channel adds how a
 * submission is keyed and what it quotes, which is where anonymity is guarded (see channels/…/concerns).
 */
export function concernForm(register: readonly AiSystem[], quote?: string): Form {
  return {
    id: CONCERN_FORM_ID,
    title: W.form.title,
    submit: W.form.submit,
    cancel: { label: W.cancel },
    intro: [section([W.form.intro]), ...(quote ? [section([W.form.quoted, muted(`“${truncate(quote, 500)}”`)])] : [])],
    fields: [
      { kind: "text", id: "description", label: W.form.description, multiline: true, maxLength: DESCRIPTION_MAX },
      ...(register.length > 0
        ? [
            {
              kind: "select" as const,
              id: "aiSystemReference",
              label: W.form.fromRegister,
              optional: true,
              options: register.slice(0, REGISTER_CHOICES_SHOWN).map((system) => ({ value: system.reference, label: truncate(`${system.name} (${system.reference})`, 75) })),
            },
          ]
        : []),
      { kind: "text", id: "aiSystemText", label: register.length > 0 ? W.form.notListed : W.form.whichSystem, optional: true, maxLength: AI_SYSTEM_TEXT_MAX },
      { kind: "select", id: "category", label: W.form.category, radio: true, options: CONCERN_CATEGORIES.map(({ value, label }) => ({ value, label })) },
      {
        kind: "checkboxes",
        id: "anonymous",
        label: W.form.anonymity,
        optional: true,
        options: [{ value: ANONYMOUS, label: W.form.anonymously, description: W.form.anonymouslyDescription }],
      },
    ],
  };
}

/** What was typed, for the shared schema. "true" is what Teams cards sent before this form (a toggle) and may still send. */
export function readConcernForm(values: FormValues): RawConcernForm {
  return {
    description: values.text("description"),
    category: values.text("category"),
    aiSystemReference: values.text("aiSystemReference"),
    aiSystemText: values.text("aiSystemText"),
    anonymous: values.list("anonymous").some((value) => value === ANONYMOUS || value === "true"),
  };
}

/**
 * Whether submitted data asks for anonymity, read exactly as `readConcernForm` reads it: the Teams edge decides by
 * it that the activity must leave no trace, so the two can never disagree.
 */
export const asksAnonymity = (raw: Record<string, unknown>): boolean => readConcernForm(new FormValues(raw)).anonymous === true;

/** The form with what was typed, to show it back. */
export const concernFormValues = (form: RawConcernForm) => ({
  description: form.description,
  category: form.category,
  aiSystemReference: form.aiSystemReference,
  aiSystemText: form.aiSystemText,
  anonymous: form.anonymous ? [ANONYMOUS] : [],
});
