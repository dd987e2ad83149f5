import { dueStatus, dueStatusText } from "./due-status.js";
import type { ReminderPayload } from "./reminder-payload.js";

/**
 * The first line of a reminder or escalation, the same in every channel. It says where the due date stands when the
 * message goes out (`now`, in the recipient's zone), not when it was planned: a reminder held back by working hours
 * or a restart still tells the truth.
 */
export function reminderHeadline(payload: ReminderPayload, now: Date): string {
  if (payload.type === "reminder" && payload.item.kind === "check_in") return "Time for a progress check-in";
  const status = dueStatusText(dueStatus(new Date(payload.item.dueAt), now, payload.zone ?? "UTC"));
  if (payload.type === "escalation" && payload.item.nobodyCanAct) return `Escalation: ${status}`;
  if (payload.type === "escalation" && payload.item.graceWorkingHours !== undefined) {
    return `Escalation: past its deadline and the ${payload.item.graceWorkingHours}-working-hour grace period`;
  }
  if (payload.type === "escalation") return `Escalation: ${status}, past the ${payload.graceDays}-day grace period`;
  if (payload.stage.startsWith("snoozed-")) return `Reminder (snoozed): ${status}`;
  return status;
}
