import type { CorrectiveAction } from "../../db/generated/client.js";
import type { DueItem } from "../reminders/due-item.js";

export const CORRECTIVE_ACTION_SOURCE = "corrective-action";

const TITLE_MAX = 150;

/** A corrective action with the reference of its incident. */
export type IncidentCorrectiveAction = CorrectiveAction & { incident: { reference: string } };

/** "INC-0007/CA-12": the incident's reference and the action's number, readable in a reminder. */
export function correctiveActionItemId(action: IncidentCorrectiveAction): string {
  return `${action.incident.reference}/CA-${action.id}`;
}

/** The action's number in an item id made by `correctiveActionItemId`. */
export function correctiveActionIdOf(itemId: string): number | null {
  const match = /\/CA-(\d+)$/.exec(itemId);
  return match ? Number(match[1]) : null;
}

/** An open corrective action of an incident (ISO 42001 10.2), due on its due date, owned by its owner. */
export function correctiveActionItem(action: IncidentCorrectiveAction): DueItem {
  const description = action.description.length > TITLE_MAX ? `${action.description.slice(0, TITLE_MAX - 1)}…` : action.description;
  return {
    source: CORRECTIVE_ACTION_SOURCE,
    itemId: correctiveActionItemId(action),
    title: `Corrective action for ${action.incident.reference}: ${description}`,
    dueAt: action.dueDate,
    owner: { channel: action.ownerChannel, id: action.ownerId, name: action.ownerName },
    controls: action.controls,
    kind: "task",
  };
}
