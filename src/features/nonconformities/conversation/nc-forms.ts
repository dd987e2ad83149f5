import type { Field, Form } from "../../../conversation/form.js";
import { section, truncate } from "../../../conversation/message.js";
import type { Improvement, Nonconformity } from "../../../db/generated/client.js";
import { CORRECTIVE_ACTION_LIMITS } from "../../incidents/corrective-action-form.js";
import { CHECK_OUTCOMES, IMPROVEMENT_STATUSES, NC_LIMITS } from "../nonconformity-form.js";
import { NC_IDS } from "./nc-ids.js";
import { NC_WORDING as W } from "./nc-wording.js";

/** Raising a nonconformity; `formId` makes a retried submit raise one, `draft` starts it from an incident or concern. */
export function raiseForm(formId: string, draft: { source?: string; description?: string; reaction?: string } = {}): Form {
  const R = W.raiseForm;
  return {
    id: NC_IDS.raise,
    title: R.title,
    submit: R.submit,
    cancel: { label: W.cancel },
    state: { formId },
    fields: [
      { kind: "text", id: "description", label: R.description, hint: R.descriptionHint, multiline: true, maxLength: NC_LIMITS.description, initial: draft.description?.slice(0, NC_LIMITS.description) },
      { kind: "text", id: "source", label: R.source, hint: R.sourceHint, maxLength: 20, optional: true, initial: draft.source },
      { kind: "text", id: "reaction", label: R.reaction, hint: R.reactionHint, multiline: true, maxLength: NC_LIMITS.reaction, optional: true, initial: draft.reaction?.slice(0, NC_LIMITS.reaction) },
      { kind: "person", id: "ownerId", label: R.owner },
    ],
  };
}

/** A follow-up form of one nonconformity: its reference travels with it, and Cancel goes back to it (Teams). */
function followUp(nc: Nonconformity, id: string, text: { title: string; submit: string }, fields: Field[]): Form {
  const state = { reference: nc.reference };
  return {
    id,
    title: text.title,
    submit: text.submit,
    cancel: { label: W.cancel, action: NC_IDS.show, value: state },
    intro: [section([`**${nc.reference}**: ${truncate(nc.description, 200)}`])],
    state,
    fields,
  };
}

export function analysisForm(nc: Nonconformity): Form {
  const A = W.analysisForm;
  return followUp(nc, NC_IDS.analysis, A, [
    { kind: "text", id: "reaction", label: A.reaction, multiline: true, maxLength: NC_LIMITS.reaction, optional: true, initial: nc.reaction ?? undefined },
    { kind: "text", id: "rootCause", label: A.rootCause, hint: A.rootCauseHint, multiline: true, maxLength: NC_LIMITS.rootCause, optional: true, initial: nc.rootCause ?? undefined },
  ]);
}

export function actionForm(nc: Nonconformity): Form {
  const A = W.actionForm;
  return followUp(nc, NC_IDS.addAction, A, [
    { kind: "text", id: "description", label: A.description, hint: A.hint, multiline: true, maxLength: CORRECTIVE_ACTION_LIMITS.description },
    { kind: "person", id: "ownerId", label: A.owner },
    { kind: "date", id: "dueDate", label: A.dueDate },
  ]);
}

export function checkForm(nc: Nonconformity): Form {
  const C = W.checkForm;
  return followUp(nc, NC_IDS.check, C, [
    { kind: "select", id: "outcome", label: C.outcome, radio: true, options: CHECK_OUTCOMES.map((option) => ({ ...option })) },
    { kind: "text", id: "note", label: C.note, multiline: true, maxLength: NC_LIMITS.note },
  ]);
}

/** Logging an improvement, by hand or from a nonconformity (`nonconformity` travels in the state). */
export function improvementForm(formId: string, nonconformity?: string): Form {
  const I = W.improvementForm;
  return {
    id: NC_IDS.addImprovement,
    title: I.title,
    submit: I.submit,
    cancel: { label: W.cancel },
    ...(nonconformity ? { intro: [section([`**${nonconformity}**`])] } : {}),
    state: { formId, ...(nonconformity ? { nonconformity } : {}) },
    fields: [
      { kind: "text", id: "title", label: I.titleLabel, maxLength: NC_LIMITS.title },
      { kind: "text", id: "description", label: I.description, multiline: true, maxLength: NC_LIMITS.description },
    ],
  };
}

export function improvementStatusForm(improvement: Improvement): Form {
  const S = W.statusForm;
  return {
    id: NC_IDS.improvementStatus,
    title: S.title,
    submit: S.submit,
    cancel: { label: W.cancel, action: NC_IDS.improvements },
    intro: [section([`**${improvement.reference}**: ${truncate(improvement.title, 200)}`])],
    state: { reference: improvement.reference },
    fields: [
      { kind: "select", id: "status", label: S.status, radio: true, initial: improvement.status, options: IMPROVEMENT_STATUSES.map((option) => ({ ...option })) },
      { kind: "text", id: "note", label: S.note, maxLength: NC_LIMITS.note, optional: true },
    ],
  };
}
