import type { Form } from "../../../conversation/form.js";
import type { Objective } from "../../../db/generated/client.js";
import { SCHEDULING_IDS as IDS } from "./scheduling-ids.js";
import { SCHEDULING_WORDING as W } from "./scheduling-wording.js";

const MAX_NOTE_LENGTH = 2000;

/** Evidence of what was done (7.5): a note, a link or both. `key` is the occurrence the reminder is about. */
export function markDoneForm(key: string): Form {
  const F = W.markDoneForm;
  return {
    id: IDS.markDone,
    title: W.markDone,
    submit: F.submit,
    cancel: { label: W.cancel },
    state: { key },
    fields: [
      { kind: "text", id: "note", label: F.note, hint: F.noteHint, multiline: true, maxLength: MAX_NOTE_LENGTH, optional: true },
      { kind: "text", id: "link", label: F.link, hint: "https://", optional: true },
    ],
  };
}

export function reassignForm(key: string): Form {
  return { id: IDS.reassign, title: W.reassign, submit: W.reassign, cancel: { label: W.cancel }, state: { key }, fields: [{ kind: "person", id: "owner", label: W.reassignForm.newOwner }] };
}

/** Progress on an objective; shown from the prompt alone, or (in a modal) with the objective's target and last value. */
export function checkInForm(key: string, objective?: Objective): Form {
  const F = W.checkInForm;
  const unit = objective?.unit ? ` ${objective.unit}` : "";
  return {
    id: IDS.checkIn,
    title: F.title,
    submit: F.submit,
    cancel: { label: W.cancel },
    state: { key },
    ...(objective ? { intro: [{ kind: "section" as const, lines: [F.intro(objective.reference, objective.title, objective.target, `${objective.targetValue}${unit}`)] }] } : {}),
    fields: [
      { kind: "select", id: "progress", label: F.progress, radio: true, options: Object.entries(W.progress).map(([value, label]) => ({ value, label })) },
      { kind: "number", id: "value", label: F.value, ...(objective?.currentValue != null ? { initial: objective.currentValue } : {}) },
      { kind: "text", id: "note", label: F.note, multiline: true, maxLength: MAX_NOTE_LENGTH, optional: true },
    ],
  };
}
