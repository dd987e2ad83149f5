import { assignedReminder } from "../../../features/scheduler/conversation/assigned-reminder.js";
import { settledReminderMessage } from "../../../features/scheduler/conversation/reminder-views.js";
import { cardMessage } from "../cards/adaptive-card.js";
import type { TeamsContext } from "../context.js";
import { adaptiveCardOf, teamsText } from "../conversation/adaptive-card-message.js";

/**
 * Once an occurrence is settled, every reminder and escalation card sent for it in Teams says so, without buttons; a
 * new owner picked with Reassign is sent the reminder first (once they have used AIMS in Teams).
 */
export function subscribeReminderUpdates(ctx: TeamsContext): void {
  const { reminders } = ctx.core.scheduling;
  ctx.core.events.subscriber("teams.reminders").on("reminder.settled", async ({ occurrenceKey, settlement }) => {
    const assigned = await assignedReminder(reminders, occurrenceKey, settlement, "teams");
    if (assigned) {
      await ctx.messenger
        .sendToUser(assigned.to.id, cardMessage(adaptiveCardOf(assigned.message), teamsText(assigned.message.summary)))
        .then(async (sent) => {
          if (sent?.activityId) await reminders.rememberAssignedReminder(assigned.payload, assigned.to, { conversationId: sent.conversationId, messageId: sent.activityId });
          else ctx.logger.warn("could not tell the new owner in Teams: they have not used AIMS in Teams yet");
        })
        .catch((error: unknown) => ctx.logger.warn({ err: error }, "could not tell the new owner in Teams"));
    }
    const settled = await reminders.remindersToSettle(occurrenceKey, "teams", settlement);
    for (const copy of settled.copies) {
      const message = settledReminderMessage(copy.payload, settled.settlement);
      await ctx.messenger.update(copy.conversationId, copy.messageId, cardMessage(adaptiveCardOf(message), teamsText(message.summary)));
    }
  });
}
