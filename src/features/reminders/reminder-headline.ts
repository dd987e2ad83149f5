import type { ReminderPayload } from "./reminder-payload.js";

/** The first line of a reminder or escalation, the same in every channel. */
export function reminderHeadline(payload: ReminderPayload): string {
  if (payload.type === "escalation") return `Escalation: overdue for more than ${payload.graceDays} day(s)`;
  if (payload.item.kind === "check_in") return "Time for a progress check-in";
  const stage = payload.stage;
  if (stage.startsWith("before-")) return `Due in ${stage.slice("before-".length)} days`;
  if (stage === "due") return "Due today";
  if (stage === "overdue") return "Overdue";
  return "Reminder (snoozed)";
}
