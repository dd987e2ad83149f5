import type { DueItemSource } from "../reminders/due-item.js";
import { CORRECTIVE_ACTION_SOURCE, correctiveActionItem, correctiveActionItemId, correctiveActionIdOf } from "./corrective-action-item.js";
import type { IncidentService } from "./incident-service.js";

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
      const id = correctiveActionIdOf(itemId);
      const action = id === null ? null : await db.correctiveAction.findUnique({ where: { id }, include: WITH_INCIDENT });
      return action?.status === "open" && correctiveActionItemId(action) === itemId ? correctiveActionItem(action) : null;
    },
    async complete(tx, item, _at, actor) {
      const result = await incidents.setCorrectiveActionStatusIn(tx, actor, correctiveActionIdOf(item.itemId)!, "done");
      if (result.kind === "forbidden") return { refused: result.message };
      return result.kind === "updated";
    },
    async reassign(tx, item, owner, actor) {
      const result = await incidents.reassignCorrectiveActionIn(tx, actor, correctiveActionIdOf(item.itemId)!, owner, item.owner);
      if (result.kind === "forbidden" || result.kind === "invalid") return { refused: result.message };
      return result.kind === "reassigned";
    },
    async committed() {
      incidents.deliverChanges();
    },
  };
}
