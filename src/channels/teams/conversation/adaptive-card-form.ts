import type { Field, FieldErrors, Form, RawValues } from "../../../conversation/form.js";
import { FIX_MARKED_ANSWERS } from "../../../conversation/reply.js";
import { adaptiveCard, executeAction, textBlock, type AdaptiveCard, type CardElement } from "../cards/adaptive-card.js";
import { cardInputs } from "./adaptive-card-inputs.js";
import { cardButton, cardElements } from "./adaptive-card-message.js";
import { dateTimeInputs, dateTimeValue } from "./time-zone.js";

/**
 * The form as a card. Submit is a Universal Action whose verb is the form's id and whose data is its state, with
 * the inputs merged in by Teams. Shown back with errors, each one sits under its field and `problem` (or a line
 * asking to fix the marked answers) above them.
 */
export function adaptiveCardForm(form: Form, errors: FieldErrors = {}, problem?: string, zone?: string): AdaptiveCard {
  const banner = problem ?? (Object.keys(errors).length > 0 ? FIX_MARKED_ANSWERS : undefined);
  const body: CardElement[] = [
    textBlock(form.title, { size: "large", weight: "bolder" }),
    ...(banner ? [textBlock(banner, { color: "attention", weight: "bolder" })] : []),
    ...cardElements(form.intro ?? []),
    ...cardInputs(form.fields, errors, zone),
  ];
  const cancel = form.cancel?.action ? [executeAction(form.cancel.label, form.cancel.action, form.cancel.value ?? {})] : [];
  const others = (form.actions ?? []).map(cardButton);
  return adaptiveCard(body, [...others, executeAction(form.submit, form.id, form.state ?? {}, "positive"), ...cancel]);
}

/**
 * Action.Execute data (the state and the inputs, all strings) as raw form values; lists stay comma-separated. The
 * date and time of each `datetime` field of `fields` become one moment in the person's `zone`.
 */
export function readCardValues(data: Record<string, unknown>, fields: Field[] = [], zone = "UTC"): RawValues {
  const raw: RawValues = Object.fromEntries(Object.entries(data).filter(([, value]) => typeof value === "string" || typeof value === "number"));
  for (const field of fields.filter((candidate) => candidate.kind === "datetime")) {
    const ids = dateTimeInputs(field.id);
    raw[field.id] = dateTimeValue(data[ids.date] ? String(data[ids.date]) : undefined, data[ids.time] ? String(data[ids.time]) : undefined, zone);
  }
  return raw;
}
