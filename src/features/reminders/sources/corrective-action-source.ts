import type { CorrectiveAction } from "../../../db/generated/client.js";
import type { IncidentService } from "../../incidents/incident-service.js";
import type { DueItem, DueItemSource } from "../due-item.js";

export const CORRECTIVE_ACTION_SOURCE = "corrective-action";

const TITLE_MAX = 150;

/** A corrective action with the reference of its incident. */
export type IncidentCorrectiveAction = CorrectiveAction & { incident: { reference: string } };

/** "INC-0007/CA-12": the incident's reference and the action's number, readable in a reminder. */
export function correctiveActionItemId(action: IncidentCorrectiveAction): string {
  return `${action.incident.reference}/CA-${action.id}`;
}

function actionIdOf(itemId: string): number | null {
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

const WITH_INCIDENT = { incident: { select: { reference: true } } } as const;

/**
 * Open corrective actions by due date, reminded to their owners. Mark done and Reassign go through the incident
 * service (guarded, audited, shown on the incident's summary), inside the reminder's transaction.
 */
export function correctiveActionSource(incidents: IncidentService): DueItemSource {
  return {
    name: CORRECTIVE_ACTION_SOURCE,
    async listDue(db, until) {
      const actions = await db.correctiveAction.findMany({
        where: { status: "open", dueDate: { lte: until } },
        include: WITH_INCIDENT,
        orderBy: [{ dueDate: "asc" }, { id: "asc" }],
      });
      return actions.map(correctiveActionItem);
    },
    async find(db, itemId) {
      const id = actionIdOf(itemId);
      const action = id === null ? null : await db.correctiveAction.findUnique({ where: { id }, include: WITH_INCIDENT });
      return action?.status === "open" && correctiveActionItemId(action) === itemId ? correctiveActionItem(action) : null;
    },
    async complete(tx, item, _at, actor) {
      const result = await incidents.setCorrectiveActionStatusIn(tx, actor, actionIdOf(item.itemId)!, "done");
      if (result.kind === "forbidden") return { refused: result.message };
      return result.kind === "updated";
    },
    async reassign(tx, item, owner, actor) {
      const result = await incidents.reassignCorrectiveActionIn(tx, actor, actionIdOf(item.itemId)!, owner, item.owner);
      if (result.kind === "forbidden" || result.kind === "invalid") return { refused: result.message };
      return result.kind === "reassigned";
    },
    async committed() {
      incidents.deliverChanges();
    },
  };
}
