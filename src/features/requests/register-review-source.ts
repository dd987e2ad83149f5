import { DateTime } from "luxon";
import type { Actor } from "../../core/actor.js";
import type { Tx } from "../../core/transaction.js";
import type { AiSystem } from "../../db/generated/client.js";
import type { DueItem, DueItemSource } from "../reminders/due-item.js";

/** Register review controls: the AI system's records and impact are looked at again (A.4.2, A.5.3, A.6.2.6). */
const REGISTER_REVIEW_CONTROLS = ["A.4.2", "A.5.3", "A.6.2.6"] as const;

/** Each active AI system's register review date (`AiSystem.nextReviewAt`), owned by the system's owner. */
export function registerReviewSource(reviewMonths: number): DueItemSource {
  const toItem = (system: AiSystem): DueItem => ({
    source: "register-review",
    itemId: system.reference,
    title: `Review register entry ${system.reference}: ${system.name}`,
    dueAt: system.nextReviewAt,
    owner: { channel: system.ownerChannel, id: system.ownerId, name: system.ownerName },
    controls: REGISTER_REVIEW_CONTROLS,
    kind: "task",
  });
  return {
    name: "register-review",
    async listDue(db, until) {
      const systems = await db.aiSystem.findMany({ where: { status: "active", nextReviewAt: { lte: until } }, orderBy: { nextReviewAt: "asc" } });
      return systems.map(toItem);
    },
    async find(db, itemId) {
      const system = await db.aiSystem.findUnique({ where: { reference: itemId } });
      return system && system.status === "active" ? toItem(system) : null;
    },
    async complete(tx, item, at) {
      const nextReviewAt = DateTime.fromJSDate(at).plus({ months: reviewMonths }).toJSDate();
      const { count } = await tx.aiSystem.updateMany({ where: { reference: item.itemId, nextReviewAt: item.dueAt }, data: { nextReviewAt } });
      return count === 1;
    },
    reassign: reassignAiSystem,
  };
}

/** Hands an AI system (item id = its reference) to another owner, if `item.owner` still owns it. */
export async function reassignAiSystem(tx: Tx, item: DueItem, owner: Actor): Promise<boolean> {
  const { count } = await tx.aiSystem.updateMany({
    where: { reference: item.itemId, ownerChannel: item.owner.channel, ownerId: item.owner.id },
    data: { ownerChannel: owner.channel, ownerId: owner.id, ownerName: owner.name ?? null },
  });
  return count === 1;
}
