import type { Actor } from "../../core/actor.js";
import type { EventBus } from "../../core/events.js";
import type { Tx } from "../../core/transaction.js";
import { cancelPendingDeliveries } from "../scheduler/delivery-store.js";
import { occurrenceKey, type DueItem, type DueItemOwner } from "./due-item.js";
import { ownerOf, recordReminderSettled } from "./reminder-events.js";
import { ensureOccurrence, REMINDER_KINDS } from "./reminder-service.js";

/** What identifies one occurrence of a due item, without its owner. */
export type DueOccurrence = Pick<DueItem, "source" | "itemId" | "dueAt" | "controls">;

/**
 * Stops the reminders of an occurrence that was done (or, with `cancelled`, made unnecessary) through the item's own
 * flow (a new assessment signed off, a concern acknowledged in triage, a corrective action closed on its incident).
 * Runs inside that flow's transaction, whose caller delivers the events once it commits: the occurrence is recorded
 * as completed by `by.actor`, its messages not yet sent are cancelled, and those sent are updated to say so.
 */
export async function settleOccurrence(
  tx: Tx,
  events: EventBus,
  occurrence: DueOccurrence,
  by: { actor: Actor; at: Date; note: string; cancelled?: boolean },
): Promise<void> {
  const key = occurrenceKey(occurrence);
  await ensureOccurrence(tx, occurrence);
  await tx.dueItemOccurrence.updateMany({
    where: { occurrenceKey: key, completedAt: null },
    data: { completedAt: by.at, completedByChannel: by.actor.channel, completedById: by.actor.id, evidenceNote: by.note },
  });
  await cancelPendingDeliveries(tx, key, REMINDER_KINDS);
  await recordReminderSettled(tx, events, key, by.cancelled ? { kind: "cancelled" } : { kind: "done", by: ownerOf(by.actor), at: by.at });
}

/**
 * Drops an occurrence's reminders not yet sent because who is reminded changed (to `to`, when one person now owns
 * it); the occurrence itself goes on, and the reminders already sent say who has it now.
 */
export async function cancelReminders(tx: Tx, events: EventBus, occurrence: DueOccurrence, to: DueItemOwner | null): Promise<void> {
  const key = occurrenceKey(occurrence);
  await cancelPendingDeliveries(tx, key, REMINDER_KINDS);
  if (to) await recordReminderSettled(tx, events, key, { kind: "reassigned", to: ownerOf(to) });
}
