import { day } from "../../../conversation/message.js";
import type { Form } from "../../../conversation/form.js";
import type { ChatChannel } from "../../../core/actor.js";
import type { ReviewSchedule } from "../../../db/generated/client.js";
import { REVIEW_KIND_NAMES, REVIEW_KINDS } from "../../reviews/review-kinds.js";
import { SCHEDULING_IDS as IDS } from "./scheduling-ids.js";
import { SCHEDULING_WORDING as W } from "./scheduling-wording.js";

/** A new review schedule, or `schedule` to change (AIMS owners); its owner is shown when they are of `channel`. */
export function reviewScheduleForm(schedule?: ReviewSchedule, channel?: ChatChannel): Form {
  const F = W.reviewForm;
  const owner = schedule && schedule.ownerChannel === channel ? { initial: schedule.ownerId } : {};
  return {
    id: IDS.saveReview,
    title: schedule ? F.editTitle(schedule.reference) : F.newTitle,
    submit: F.submit,
    cancel: { label: W.cancel },
    ...(schedule ? { state: { reference: schedule.reference } } : {}),
    fields: [
      { kind: "select", id: "kind", label: F.kind, options: REVIEW_KIND_NAMES.map((kind) => ({ value: kind, label: REVIEW_KINDS[kind].label })), initial: schedule?.kind ?? "other" },
      { kind: "text", id: "title", label: F.name, maxLength: 150, ...(schedule ? { initial: schedule.title } : {}) },
      { kind: "person", id: "ownerId", label: F.owner, ...owner },
      { kind: "number", id: "intervalMonths", label: F.interval, min: 1, max: 60, initial: schedule?.intervalMonths ?? 12 },
      { kind: "date", id: "nextDueAt", label: F.nextDue, ...(schedule ? { initial: day(schedule.nextDueAt) } : {}) },
    ],
  };
}

/** A new AI objective (AIMS owners and managers). */
export function objectiveForm(): Form {
  const F = W.objectiveForm;
  return {
    id: IDS.saveObjective,
    title: F.title,
    submit: F.submit,
    cancel: { label: W.cancel },
    fields: [
      { kind: "text", id: "title", label: F.objective, maxLength: 200 },
      { kind: "text", id: "target", label: F.measure, maxLength: 300 },
      { kind: "number", id: "targetValue", label: F.targetValue },
      { kind: "text", id: "unit", label: F.unit, maxLength: 30, optional: true },
      { kind: "person", id: "ownerId", label: F.owner },
      { kind: "date", id: "dueAt", label: F.dueAt },
      { kind: "select", id: "cadence", label: F.cadence, options: Object.entries(W.cadences).map(([value, label]) => ({ value, label })), initial: "monthly" },
    ],
  };
}
