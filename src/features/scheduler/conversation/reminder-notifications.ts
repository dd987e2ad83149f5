import type { Notifier } from "../../../conversation/notifications.js";
import { notifier } from "../../../conversation/notifications.js";
import type { Scheduling } from "../scheduling-core.js";
import { assignedReminder } from "./assigned-reminder.js";
import { settledReminderMessage } from "./reminder-views.js";

type Services = { scheduling: Pick<Scheduling, "reminders"> };

/**
 * Once an occurrence is settled, a new owner picked with Reassign is sent the reminder first (remembered, so settling
 * the item updates it too); then every reminder and escalation the channel sent for it says so, without buttons. A
 * new owner who cannot be told does not hold the updates back: the failure is raised after them, and the outbox's
 * retry tries the new owner again (updating the copies again changes nothing).
 */
export const reminderNotifications: Notifier<Services>[] = [
  notifier<Services>("reminders", {
    "reminder.settled": async ({ occurrenceKey, settlement }, out, { scheduling: { reminders } }) => {
      let failure: unknown = null;
      const assigned = await assignedReminder(reminders, occurrenceKey, settlement, out.channel);
      if (assigned) {
        try {
          const at = await out.tell(assigned.to, assigned.message);
          if (at) await reminders.rememberAssignedReminder(assigned.payload, assigned.to, at);
        } catch (error) {
          failure = error;
        }
      }
      const settled = await reminders.remindersToSettle(occurrenceKey, out.channel, settlement);
      for (const copy of settled.copies) await out.update(copy, settledReminderMessage(copy.payload, settled.settlement));
      if (failure) throw failure;
    },
  }),
];
