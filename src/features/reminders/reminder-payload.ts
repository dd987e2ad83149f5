import type { DueItem } from "./due-item.js";
import type { ReminderStage } from "./reminder-plan.js";

/** A due item as stored in a delivery's payload (JSON). */
export type DueItemJson = Omit<DueItem, "dueAt" | "controls"> & { dueAt: string; controls: string[] };

export type ReminderPayload =
  | { type: "reminder"; stage: ReminderStage; occurrenceKey: string; item: DueItemJson }
  | { type: "escalation"; occurrenceKey: string; item: DueItemJson; graceDays: number };

export function dueItemToJson(item: DueItem): DueItemJson {
  return { ...item, dueAt: item.dueAt.toISOString(), controls: [...item.controls] };
}

export function dueItemFromJson(json: DueItemJson): DueItem {
  return { ...json, dueAt: new Date(json.dueAt) };
}
