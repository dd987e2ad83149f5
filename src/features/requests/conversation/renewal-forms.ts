import { randomUUID } from "node:crypto";
import type { Form, FormState, FormValues } from "../../../conversation/form.js";
import { section } from "../../../conversation/message.js";
import type { AiSystem } from "../../../db/generated/client.js";
import type { RawRequestForm } from "../request-form.js";
import { RENEWAL_FIELDS, type RenewalForm } from "../request-renewal.js";
import { requestForm } from "./request-forms.js";
import { REQUEST_IDS } from "./request-ids.js";
import { REQUEST_WORDING as W } from "./request-wording.js";

const day = (date: Date) => date.toISOString().slice(0, 10);

/**
 * The short renewal request: what may have changed since the approval (purpose, who uses it, how many), filled with
 * the original's answers; the rest is taken from the original as it was. `key` files one request however often it is sent.
 */
export function renewalForm(system: Pick<AiSystem, "reference" | "name" | "approvedUntil">, values: RawRequestForm, state?: FormState): Form {
  const full = requestForm({ id: REQUEST_IDS.submitRenewal, state: {}, values });
  const asked = new Set<string>(RENEWAL_FIELDS);
  return {
    ...full,
    title: W.renewalTitle,
    submit: W.renewalSubmit,
    intro: [section([W.renewalIntro(system.reference, system.name, system.approvedUntil ? day(system.approvedUntil) : "")])],
    state: state ?? { reference: system.reference, key: randomUUID() },
    fields: full.fields.filter((field) => asked.has(field.id)),
  };
}

export function readRenewal(values: FormValues): RenewalForm {
  return Object.fromEntries(RENEWAL_FIELDS.map((id) => [id, values.text(id)])) as RenewalForm;
}

