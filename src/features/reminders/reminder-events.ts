import type { EventBus } from "../../core/events.js";
import type { Tx } from "../../core/transaction.js";
import type { DueItemOwner } from "./due-item.js";

/** How an occurrence of a due item was settled, so every reminder already sent for it can say so. */
export type ReminderSettlement =
  | { kind: "done"; by: DueItemOwner; at: Date }
  /** `by`: who used the reminder's Reassign button; the new owner is then sent the reminder at once. */
  | { kind: "reassigned"; to: DueItemOwner; by?: DueItemOwner }
  | { kind: "cancelled" };

declare module "../../core/events.js" {
  interface DomainEvents {
    /** Every reminder and escalation sent for the occurrence is updated to its settled version, without buttons. */
    "reminder.settled": { occurrenceKey: string; settlement: ReminderSettlement };
  }
}

/** Records, in the transaction that settles the occurrence, that its sent reminders must be updated. */
export async function recordReminderSettled(tx: Tx, events: EventBus, occurrenceKey: string, settlement: ReminderSettlement): Promise<void> {
  await events.record(tx, "reminder.settled", { occurrenceKey, settlement }, occurrenceKey);
}

/** Just who a person is, for an event's payload. */
export function ownerOf(person: DueItemOwner): DueItemOwner {
  return { channel: person.channel, id: person.id, name: person.name ?? null };
}

/** How a channel writes a person and a date in a message. */
export interface SettledReminderFormat {
  person(person: DueItemOwner): string;
  date(date: Date): string;
}

/** What a settled reminder says where its buttons were; each channel renders people and dates its own way. */
export function settledReminderLine(settlement: ReminderSettlement, format: SettledReminderFormat): string {
  switch (settlement.kind) {
    case "done":
      return `✅ Done by ${format.person(settlement.by)} on ${format.date(settlement.at)}`;
    case "reassigned":
      return `➡️ Reassigned to ${format.person(settlement.to)}`;
    case "cancelled":
      return "No longer needed";
  }
}
