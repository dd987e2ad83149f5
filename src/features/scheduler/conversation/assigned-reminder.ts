import { person, type Message } from "../../../conversation/message.js";
import type { ChatChannel } from "../../../core/actor.js";
import type { DueItemOwner } from "../../reminders/due-item.js";
import type { ReminderSettlement } from "../../reminders/reminder-events.js";
import type { ReminderPayload } from "../../reminders/reminder-payload.js";
import type { ReminderService } from "../../reminders/reminder-service.js";
import { reminderMessage } from "./reminder-views.js";
import { SCHEDULING_WORDING as W } from "./scheduling-wording.js";

/**
 * When a reminder's Reassign button moved its item to someone of `channel`, the reminder that channel sends them at
 * once (and remembers, so settling the item updates it too); null otherwise.
 */
export async function assignedReminder(
  reminders: ReminderService,
  occurrenceKey: string,
  settlement: ReminderSettlement,
  channel: ChatChannel,
): Promise<{ to: DueItemOwner; payload: ReminderPayload; message: Message } | null> {
  if (settlement.kind !== "reassigned" || !settlement.by || settlement.to.channel !== channel) return null;
  const item = await reminders.find(occurrenceKey);
  if (!item) return null;
  const payload = reminders.assignedReminder(occurrenceKey, item);
  return { to: settlement.to, payload, message: reminderMessage(payload, W.assignedBy(person(settlement.by))) };
}
