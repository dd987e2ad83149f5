import type { Actor } from "../../core/actor.js";
import type { Tx } from "../../core/transaction.js";
import { cancelPendingDeliveries } from "../scheduler/delivery-store.js";
import { occurrenceKey, type DueItem } from "./due-item.js";
import { ensureOccurrence, REMINDER_KINDS } from "./reminder-service.js";

/** What identifies one occurrence of a due item, without its owner. */
export type DueOccurrence = Pick<DueItem, "source" | "itemId" | "dueAt" | "controls">;

/**
 * Stops the reminders of an occurrence that was done through the item's own flow (a new assessment signed off, a
 * concern acknowledged in triage, a corrective action closed on its incident). Runs inside that flow's transaction:
 * the occurrence is recorded as completed by `by.actor`, and its messages not yet sent are cancelled.
 */
export async function settleOccurrence(tx: Tx, occurrence: DueOccurrence, by: { actor: Actor; at: Date; note: string }): Promise<void> {
  await ensureOccurrence(tx, occurrence);
  await tx.dueItemOccurrence.updateMany({
    where: { occurrenceKey: occurrenceKey(occurrence), completedAt: null },
    data: { completedAt: by.at, completedByChannel: by.actor.channel, completedById: by.actor.id, evidenceNote: by.note },
  });
  await cancelPendingDeliveries(tx, occurrenceKey(occurrence), REMINDER_KINDS);
}

/** Drops an occurrence's reminders not yet sent because who is reminded changed; the occurrence itself goes on. */
export async function cancelReminders(tx: Tx, occurrence: DueOccurrence): Promise<void> {
  await cancelPendingDeliveries(tx, occurrenceKey(occurrence), REMINDER_KINDS);
}
