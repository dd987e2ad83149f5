import type { CorrectiveAction } from "../../db/generated/client.js";
import type { DueItem } from "../reminders/due-item.js";

export const CORRECTIVE_ACTION_SOURCE = "corrective-action";

const TITLE_MAX = 150;

/**
 * A corrective action (ISO 42001 10.2) with the references of what it corrects: an incident, a nonconformity, or an
 * incident that raised a nonconformity (both). Incidents and nonconformities share this one model.
 */
export type CorrectiveActionOf = CorrectiveAction & { incident: { reference: string } | null; nonconformity: { reference: string } | null };

/** What `CorrectiveActionOf` needs read with an action. */
export const WITH_SUBJECTS = { incident: { select: { reference: true } }, nonconformity: { select: { reference: true } } } as const;

/** The incident's reference when the action came from one (it keeps its id when a nonconformity takes it), else the nonconformity's. */
export function subjectOf(action: CorrectiveActionOf): string {
  return action.incident?.reference ?? action.nonconformity?.reference ?? "?";
}

/** "INC-0007/CA-12" or "NC-0003/CA-12": what it corrects and the action's number, readable in a reminder. */
export function correctiveActionItemId(action: CorrectiveActionOf): string {
  return `${subjectOf(action)}/CA-${action.id}`;
}

/** The action's number in an item id made by `correctiveActionItemId`. */
export function correctiveActionIdOf(itemId: string): number | null {
  const match = /\/CA-(\d+)$/.exec(itemId);
  return match ? Number(match[1]) : null;
}

/** "INC-0007", "NC-0003" or "INC-0007 (NC-0003)". */
export function correctsWhat(action: CorrectiveActionOf): string {
  const both = action.incident && action.nonconformity;
  return both ? `${action.incident!.reference} (${action.nonconformity!.reference})` : subjectOf(action);
}

/** An open corrective action, due on its due date, owned by its owner. */
export function correctiveActionItem(action: CorrectiveActionOf): DueItem {
  const description = action.description.length > TITLE_MAX ? `${action.description.slice(0, TITLE_MAX - 1)}…` : action.description;
  return {
    source: CORRECTIVE_ACTION_SOURCE,
    itemId: correctiveActionItemId(action),
    title: `Corrective action for ${correctsWhat(action)}: ${description}`,
    dueAt: action.dueDate,
    owner: { channel: action.ownerChannel, id: action.ownerId, name: action.ownerName },
    controls: action.controls,
    kind: "task",
  };
}
