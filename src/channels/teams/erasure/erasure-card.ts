import type { FieldErrors } from "../../../core/form-fields.js";
import type { RawErasureForm } from "../../../features/organisation/erasure-form.js";
import { adaptiveCard, errorBlock, executeAction, textBlock, type AdaptiveCard, type CardElement } from "../cards/adaptive-card.js";
import { ERASURE_VERBS } from "./erasure-verbs.js";
import { ERASURE_WORDING } from "../../../features/organisation/erasure-messages.js";

const CONFIRMED = "true";
type Values = { person?: string; reason?: string };

const withError = (input: CardElement, error: string | undefined): CardElement[] => (error ? [input, errorBlock(error)] : [input]);

/**
 * The erasure form (AIMS owners). Teams offers no people picker without Graph rights, so the person is named by the
 * email or chat id the bot knows them by. `values` keeps what was typed when the card comes back with errors.
 */
export function erasureCard(values: Values = {}, errors: FieldErrors<keyof RawErasureForm> = {}, problem?: string): AdaptiveCard {
  return adaptiveCard(
    [
      textBlock("Erase personal data", { size: "large", weight: "bolder" }),
      textBlock(
        "Erases a leaver's personal data on request (GDPR Art. 17): their name and email are replaced by a pseudonym in every " +
          "record and audit event, their roles end. Records and the audit chain are kept. This cannot be undone.",
      ),
      ...(problem ? [textBlock(problem, { color: "attention", weight: "bolder" })] : []),
      ...withError(
        { type: "Input.Text", id: "person", label: "Person", placeholder: "Their email, or Teams / Slack id", maxLength: 320, ...(values.person ? { value: values.person } : {}) },
        errors.person,
      ),
      ...withError(
        { type: "Input.Text", id: "reason", label: "Reason", placeholder: "For example the request's reference; not their name", maxLength: 500, ...(values.reason ? { value: values.reason } : {}) },
        errors.reason,
      ),
      ...withError({ type: "Input.Toggle", id: "confirm", title: ERASURE_WORDING.confirm, valueOn: CONFIRMED, valueOff: "false" }, errors.confirm),
    ],
    [executeAction("Erase", ERASURE_VERBS.erase, {}, "destructive")],
  );
}

export function readErasureCard(data: Record<string, unknown>): RawErasureForm & Values {
  const text = (key: string) => (typeof data[key] === "string" ? (data[key] as string) : undefined);
  return { person: text("person"), reason: text("reason"), confirm: text("confirm") === CONFIRMED };
}
