import type { Objective } from "../../db/generated/client.js";
import type { DueItem, DueItemSource } from "../reminders/due-item.js";
import { occurrenceKey } from "../reminders/due-item.js";
import { chunks } from "../reminders/chunks.js";
import { reassignObjective } from "./objective-checkin-source.js";

export const OBJECTIVE_DUE_SOURCE = "objective";

/** An objective's due date, reminded like any task: before, on and after it, then escalated. */
export function objectiveDueItem(objective: Objective): DueItem {
  return {
    source: OBJECTIVE_DUE_SOURCE,
    itemId: objective.reference,
    title: `Objective ${objective.reference} falls due: ${objective.title}`,
    dueAt: objective.dueAt,
    owner: { channel: objective.ownerChannel, id: objective.ownerId, name: objective.ownerName },
    controls: objective.controls,
    kind: "task",
  };
}

/**
 * Objectives by due date, whatever their check-in rhythm (an objective due before its first check-in is still
 * reminded). Marking one done records the outcome as evidence on its due-date occurrence, which ends its reminders
 * and takes it off the lists.
 */
export const objectiveDueSource: DueItemSource = {
  name: OBJECTIVE_DUE_SOURCE,
  async listDue(db, until) {
    const objectives = await db.objective.findMany({ where: { dueAt: { lte: until } }, orderBy: [{ dueAt: "asc" }, { id: "asc" }] });
    const items = objectives.map(objectiveDueItem);
    const done = new Set<string>();
    for (const part of chunks(items.map(occurrenceKey))) {
      const rows = await db.dueItemOccurrence.findMany({ where: { occurrenceKey: { in: part }, completedAt: { not: null } }, select: { occurrenceKey: true } });
      for (const row of rows) done.add(row.occurrenceKey);
    }
    return items.filter((item) => !done.has(occurrenceKey(item)));
  },
  async find(db, itemId) {
    const objective = await db.objective.findUnique({ where: { reference: itemId } });
    return objective ? objectiveDueItem(objective) : null;
  },
  async complete() {
    return true;
  },
  reassign: reassignObjective,
};
