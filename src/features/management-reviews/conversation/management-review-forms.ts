import { AIMS_ROLES, ROLE_NAMES } from "../../../core/roles.js";
import type { Form } from "../../../conversation/form.js";
import { DECISION_KIND_NAMES, DECISION_KINDS, REVIEW_LIMITS } from "../management-review-form.js";
import { MANAGEMENT_REVIEW_IDS as IDS } from "./management-review-ids.js";
import { MANAGEMENT_REVIEW_WORDING as W } from "./management-review-wording.js";

/** How many people the schedule form names (a role covers more). */
export const REVIEWER_FIELDS = ["reviewer1", "reviewer2", "reviewer3"] as const;

export function scheduleForm(): Form {
  const F = W.scheduleForm;
  return {
    id: IDS.schedule,
    title: F.title,
    submit: F.submit,
    cancel: { label: W.cancel },
    fields: [
      { kind: "text", id: "title", label: F.name, maxLength: REVIEW_LIMITS.title, initial: F.nameInitial },
      { kind: "date", id: "date", label: F.date, hint: F.dateHint },
      {
        kind: "select",
        id: "reviewerRole",
        label: F.role,
        optional: true,
        options: AIMS_ROLES.map((role) => ({ value: role, label: ROLE_NAMES[role] })),
      },
      ...REVIEWER_FIELDS.map((id, index) => ({ kind: "person" as const, id, label: F.reviewer(index + 1), optional: true, ...(index === 0 ? { hint: F.reviewerHint } : {}) })),
    ],
  };
}

export function decisionForm(reference: string): Form {
  const F = W.decisionForm;
  return {
    id: IDS.decide,
    title: F.title,
    submit: F.submit,
    cancel: { label: W.cancel },
    state: { reference },
    fields: [
      { kind: "select", id: "kind", label: F.kind, radio: true, options: DECISION_KIND_NAMES.map((kind) => ({ value: kind, label: DECISION_KINDS[kind] })) },
      { kind: "text", id: "text", label: F.text, multiline: true, maxLength: REVIEW_LIMITS.decision },
    ],
  };
}

export function actionForm(reference: string): Form {
  const F = W.actionForm;
  return {
    id: IDS.addAction,
    title: F.title,
    submit: F.submit,
    cancel: { label: W.cancel },
    state: { reference },
    fields: [
      { kind: "text", id: "description", label: F.description, multiline: true, maxLength: REVIEW_LIMITS.action },
      { kind: "person", id: "ownerId", label: F.owner },
      { kind: "date", id: "dueDate", label: F.dueDate },
    ],
  };
}

export function closeForm(reference: string): Form {
  const F = W.closeForm;
  return {
    id: IDS.close,
    title: F.title,
    submit: F.submit,
    cancel: { label: W.cancel },
    state: { reference },
    fields: [{ kind: "text", id: "minutes", label: F.minutes, hint: F.minutesHint, multiline: true, maxLength: REVIEW_LIMITS.minutes }],
  };
}
