import type { Field, Form } from "../../../conversation/form.js";
import { muted, section, truncate } from "../../../conversation/message.js";
import type { Vendor } from "../../../db/generated/client.js";
import { VENDOR_LIMITS, VENDOR_OUTCOMES } from "../vendor-form.js";
import type { VendorAnswers, VendorQuestion, VendorQuestionnaire } from "../vendor-questionnaire.js";
import { VENDOR_IDS } from "./vendor-ids.js";
import { VENDOR_WORDING as W } from "./vendor-wording.js";

const back = (vendor: Pick<Vendor, "reference">) => ({ label: W.back, action: VENDOR_IDS.actions.open, value: { reference: vendor.reference } });

/** Adding a vendor (AIMS owners): name, domains, internal owner. */
export function addVendorForm(): Form {
  const F = W.addForm;
  return {
    id: VENDOR_IDS.views.add,
    title: F.title,
    submit: F.submit,
    cancel: { label: W.cancel, action: VENDOR_IDS.actions.showList },
    fields: [
      { kind: "text", id: "name", label: F.name, hint: F.nameHint, maxLength: VENDOR_LIMITS.name },
      { kind: "text", id: "domains", label: F.domains, hint: F.domainsHint, multiline: true, optional: true, maxLength: VENDOR_LIMITS.domainsText },
      { kind: "person", id: "ownerId", label: F.owner, hint: F.ownerHint, optional: true },
    ],
  };
}

export function ownerForm(vendor: Vendor): Form {
  return {
    id: VENDOR_IDS.views.owner,
    title: W.ownerForm.title,
    submit: W.ownerForm.submit,
    cancel: back(vendor),
    intro: [section([`**${truncate(vendor.name, 80)}** (${vendor.reference})`])],
    state: { reference: vendor.reference },
    fields: [{ kind: "person", id: "ownerId", label: W.ownerForm.owner }],
  };
}

function questionField(question: VendorQuestion, answer: string | string[] | undefined): Field {
  const base = { id: question.id, label: question.label, ...(question.help ? { hint: question.help } : {}), ...(question.optional ? { optional: true } : {}) };
  const options = (question.options ?? []).map((option) => ({ value: option.value, label: option.label }));
  switch (question.type) {
    case "single_choice":
      return { ...base, kind: "select", radio: true, options, ...(typeof answer === "string" ? { initial: answer } : {}) };
    case "multi_choice":
      return { ...base, kind: "checkboxes", options, ...(Array.isArray(answer) ? { initial: answer } : {}) };
    default:
      return { ...base, kind: "text", multiline: question.type === "long_text", maxLength: question.max_length ?? 2000, ...(typeof answer === "string" ? { initial: answer } : {}) };
  }
}

/** The due-diligence questionnaire, as data; pre-filled with the latest answers, so a re-review changes what moved. */
export function answersForm(vendor: Vendor, questionnaire: VendorQuestionnaire, latest: VendorAnswers | null): Form {
  return {
    id: VENDOR_IDS.views.answers,
    title: W.answersForm.title,
    submit: W.answersForm.submit,
    cancel: back(vendor),
    intro: [section([`**${truncate(vendor.name, 80)}** (${vendor.reference})`, muted(`${questionnaire.title}, v${questionnaire.version}`)])],
    state: { reference: vendor.reference },
    fields: questionnaire.questions.map((question) => questionField(question, latest?.[question.id])),
  };
}

/** The outcome on one version of the answers. */
export function outcomeForm(vendor: Vendor, version: number): Form {
  const F = W.outcomeForm;
  return {
    id: VENDOR_IDS.views.outcome,
    title: F.title,
    submit: F.submit,
    cancel: back(vendor),
    intro: [section([`**${truncate(vendor.name, 80)}** (${vendor.reference}), answers version ${version}`])],
    state: { reference: vendor.reference, version },
    fields: [
      { kind: "select", id: "outcome", label: F.outcome, radio: true, options: VENDOR_OUTCOMES.map((option) => ({ ...option })) },
      { kind: "text", id: "note", label: F.note, hint: F.noteHint, multiline: true, optional: true, maxLength: VENDOR_LIMITS.note },
    ],
  };
}
