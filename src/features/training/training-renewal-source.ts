import type { Tx } from "../../core/transaction.js";
import type { Prisma } from "../../db/database.js";
import type { TrainingCompletion } from "../../db/generated/client.js";
import type { DueItem, DueItemSource } from "../reminders/due-item.js";
import { TRAINING_CONTROLS } from "./controls.js";

export const TRAINING_RENEWAL_SOURCE = "training-renewal";
export const RENEW_WITH = "Take the module again with /aims training; the pass renews it.";

const itemIdOf = (completionId: number) => `TRN-${completionId}`;
const completionIdOf = (itemId: string) => (/^TRN-(\d+)$/.exec(itemId) ? Number(itemId.slice(4)) : null);

/** A pass is renewed by a later pass of the same module, whatever its version. */
const notRenewed = (completion: Pick<TrainingCompletion, "personId" | "moduleId" | "completedAt">) => ({
  personId: completion.personId,
  moduleId: completion.moduleId,
  completedAt: { gt: completion.completedAt },
});

function itemOf(completion: TrainingCompletion): DueItem {
  return {
    source: TRAINING_RENEWAL_SOURCE,
    itemId: itemIdOf(completion.id),
    title: `Renew your training "${completion.moduleTitle}" (passed ${completion.completedAt.toISOString().slice(0, 10)}): ${RENEW_WITH}`,
    dueAt: completion.dueAgainAt!,
    owner: { channel: completion.channel, id: completion.externalId },
    controls: TRAINING_CONTROLS,
    kind: "task",
  };
}

/**
 * Each pass whose renewal period has passed, with no later pass of the module: a due item of the person who passed
 * it, reminded and escalated like any other. Only a new pass completes it.
 */
export function trainingRenewalSource(): DueItemSource {
  const open = async (db: Prisma | Tx, completion: TrainingCompletion | null) =>
    completion?.dueAgainAt && (await db.trainingCompletion.count({ where: notRenewed(completion) })) === 0 ? itemOf(completion) : null;
  return {
    name: TRAINING_RENEWAL_SOURCE,
    async listDue(db, until) {
      const due = await db.trainingCompletion.findMany({ where: { dueAgainAt: { lte: until } }, orderBy: { id: "asc" } });
      const items = await Promise.all(due.map((completion) => open(db, completion)));
      return items.filter((item): item is DueItem => item !== null);
    },
    async find(db, itemId) {
      const id = completionIdOf(itemId);
      return id === null ? null : open(db, await db.trainingCompletion.findUnique({ where: { id } }));
    },
    async complete() {
      return { refused: RENEW_WITH };
    },
    async reassign() {
      return { refused: `A training is renewed by the person who took it. ${RENEW_WITH}` };
    },
  };
}
