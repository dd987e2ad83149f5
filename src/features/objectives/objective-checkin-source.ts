import type { Actor } from "../../core/actor.js";
import type { Tx } from "../../core/transaction.js";
import type { Objective } from "../../db/generated/client.js";
import type { DueItem, DueItemSource } from "../reminders/due-item.js";
import { nextCheckIn } from "./cadence.js";

export const OBJECTIVE_CHECK_IN_SOURCE = "objective-check-in";

export function checkInDueItem(objective: Objective): DueItem {
  return {
    source: OBJECTIVE_CHECK_IN_SOURCE,
    itemId: objective.reference,
    title: `Check in on ${objective.reference}: ${objective.title}`,
    dueAt: objective.nextCheckInAt,
    owner: { channel: objective.ownerChannel, id: objective.ownerId, name: objective.ownerName },
    controls: objective.controls,
    kind: "check_in",
  };
}

/** Objectives whose next check-in has come, until their due date. */
export function objectiveCheckInSource(zone: string): DueItemSource {
  return {
    name: OBJECTIVE_CHECK_IN_SOURCE,
    async listDue(db, until) {
      const objectives = await db.objective.findMany({ where: { nextCheckInAt: { lte: until } }, orderBy: { nextCheckInAt: "asc" } });
      return objectives.filter((objective) => objective.nextCheckInAt <= objective.dueAt).map(checkInDueItem);
    },
    async find(db, itemId) {
      const objective = await db.objective.findUnique({ where: { reference: itemId } });
      return objective ? checkInDueItem(objective) : null;
    },
    async complete(tx, item, at) {
      const objective = await tx.objective.findUnique({ where: { reference: item.itemId } });
      if (!objective) return false;
      const { count } = await tx.objective.updateMany({
        where: { reference: item.itemId, nextCheckInAt: item.dueAt },
        data: { nextCheckInAt: nextCheckIn(objective.cadence, item.dueAt, at, zone) },
      });
      return count === 1;
    },
    reassign: reassignObjective,
  };
}

/** Hands an objective (item id = its reference) to another owner, if `item.owner` still owns it. */
export async function reassignObjective(tx: Tx, item: DueItem, owner: Actor): Promise<boolean> {
  const { count } = await tx.objective.updateMany({
    where: { reference: item.itemId, ownerChannel: item.owner.channel, ownerId: item.owner.id },
    data: { ownerChannel: owner.channel, ownerId: owner.id, ownerName: owner.name ?? null },
  });
  return count === 1;
}
