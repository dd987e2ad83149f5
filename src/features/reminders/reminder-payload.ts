import type { DueItem } from "./due-item.js";
import type { ReminderStage } from "./reminder-plan.js";

/** A due item as stored in a delivery's payload (JSON). */
export type DueItemJson = Omit<DueItem, "dueAt" | "controls" | "escalateAt"> & { dueAt: string; controls: string[]; escalateAt?: string };

/** `zone`: the recipient's timezone when the reminder was planned, for counting days (absent in older payloads). */
export type ReminderPayload =
  | { type: "reminder"; stage: ReminderStage; occurrenceKey: string; item: DueItemJson; zone?: string }
  | { type: "escalation"; occurrenceKey: string; item: DueItemJson; graceDays: number; zone?: string };

export function dueItemToJson(item: DueItem): DueItemJson {
  return { ...item, dueAt: item.dueAt.toISOString(), controls: [...item.controls], escalateAt: item.escalateAt?.toISOString() };
}

export function dueItemFromJson(json: DueItemJson): DueItem {
  return { ...json, dueAt: new Date(json.dueAt), escalateAt: json.escalateAt ? new Date(json.escalateAt) : undefined };
}
