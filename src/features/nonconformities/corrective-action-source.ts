import {
  CORRECTIVE_ACTION_SOURCE,
  correctiveActionIdOf,
  correctiveActionItem,
  correctiveActionItemId,
  WITH_SUBJECTS,
} from "../corrective-actions/corrective-action-item.js";
import type { IncidentService } from "../incidents/incident-service.js";
import type { DueItemSource } from "../reminders/due-item.js";
import { EFFECTIVENESS_CHECK_SOURCE, effectivenessCheckItem } from "./nonconformity-records.js";
import type { NonconformityService } from "./nonconformity-service.js";

/**
 * Every open corrective action by due date, reminded to its owner: incidents' and nonconformities' actions are rows of
 * one model. Mark done and Reassign go through the nonconformity's service when the action has one (an incident's
 * action taken on by the nonconformity it raised included), else through the incident's; guarded and audited, inside
 * the reminder's transaction.
 */
export function correctiveActionSource(incidents: IncidentService, nonconformities: NonconformityService): DueItemSource {
  return {
    name: CORRECTIVE_ACTION_SOURCE,
    async listDue(db, until) {
      const actions = await db.correctiveAction.findMany({
        where: { status: "open", dueDate: { lte: until } },
        include: WITH_SUBJECTS,
        orderBy: [{ dueDate: "asc" }, { id: "asc" }],
      });
      return actions.map(correctiveActionItem);
    },
    async find(db, itemId) {
      const id = correctiveActionIdOf(itemId);
      const action = id === null ? null : await db.correctiveAction.findUnique({ where: { id }, include: WITH_SUBJECTS });
      return action?.status === "open" && correctiveActionItemId(action) === itemId ? correctiveActionItem(action) : null;
    },
    async complete(tx, item, _at, actor) {
      const id = correctiveActionIdOf(item.itemId)!;
      const action = await tx.correctiveAction.findUnique({ where: { id }, select: { nonconformityId: true } });
      const result =
        action?.nonconformityId != null
          ? await nonconformities.setActionStatusIn(tx, actor, id, "done")
          : await incidents.setCorrectiveActionStatusIn(tx, actor, id, "done");
      if (result.kind === "forbidden") return { refused: result.message };
      return result.kind === "updated";
    },
    async reassign(tx, item, owner, actor) {
      const id = correctiveActionIdOf(item.itemId)!;
      const action = await tx.correctiveAction.findUnique({ where: { id }, select: { nonconformityId: true } });
      const result =
        action?.nonconformityId != null
          ? await nonconformities.reassignActionIn(tx, actor, id, owner, item.owner)
          : await incidents.reassignCorrectiveActionIn(tx, actor, id, owner, item.owner);
      if (result.kind === "forbidden" || result.kind === "invalid") return { refused: result.message };
      return result.kind === "reassigned";
    },
    async committed() {
      incidents.deliverChanges();
      nonconformities.deliverChanges();
    },
  };
}

/**
 * The effectiveness check of each nonconformity whose actions are all done (ISO 42001 10.2), reminded to its owner
 * from its due date. It is done in the nonconformity's view, with its outcome; Reassign gives the nonconformity to
 * another owner.
 */
export function effectivenessCheckSource(nonconformities: NonconformityService): DueItemSource {
  return {
    name: EFFECTIVENESS_CHECK_SOURCE,
    async listDue(db, until) {
      const due = await db.nonconformity.findMany({ where: { status: "checking", checkDueAt: { lte: until } }, orderBy: [{ checkDueAt: "asc" }, { id: "asc" }] });
      return due.flatMap((nc) => (nc.checkDueAt ? [effectivenessCheckItem({ ...nc, checkDueAt: nc.checkDueAt })] : []));
    },
    async find(db, itemId) {
      const nc = await db.nonconformity.findUnique({ where: { reference: itemId } });
      return nc?.status === "checking" && nc.checkDueAt ? effectivenessCheckItem({ ...nc, checkDueAt: nc.checkDueAt }) : null;
    },
    async complete(_tx, item) {
      return { refused: `Record whether the actions worked, in ${item.itemId}'s view (the nc command), so the check has its outcome.` };
    },
    reassign(tx, item, owner, actor) {
      return nonconformities.reassignOwnerIn(tx, actor, item.itemId, owner, item.owner);
    },
    async committed() {
      nonconformities.deliverChanges();
    },
  };
}
