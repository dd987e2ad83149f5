import type { WebClient } from "@slack/web-api";
import { assignedReminder } from "../../../features/scheduler/conversation/assigned-reminder.js";
import { settledReminderMessage } from "../../../features/scheduler/conversation/reminder-views.js";
import type { SlackContext } from "../context.js";
import { blockKitMessage } from "../conversation/block-kit-message.js";

/**
 * Once an occurrence is settled, every reminder and escalation sent for it in Slack says so, without buttons; a new
 * owner picked with Reassign is sent the reminder first.
 */
export function subscribeReminderUpdates(ctx: SlackContext, client: WebClient): void {
  const { reminders } = ctx.core.scheduling;
  ctx.core.events.subscriber("slack.reminders").on("reminder.settled", async ({ occurrenceKey, settlement }) => {
    const assigned = await assignedReminder(reminders, occurrenceKey, settlement, "slack");
    if (assigned) {
      await client.chat
        .postMessage({ channel: assigned.to.id, ...blockKitMessage(assigned.message) })
        .then(async ({ channel, ts }) => {
          if (channel && ts) await reminders.rememberAssignedReminder(assigned.payload, assigned.to, { conversationId: channel, messageId: ts });
        })
        .catch((error: unknown) => ctx.logger.warn({ err: error }, "could not tell the new owner"));
    }
    const settled = await reminders.remindersToSettle(occurrenceKey, "slack", settlement);
    for (const copy of settled.copies) {
      await client.chat.update({ channel: copy.conversationId, ts: copy.messageId, ...blockKitMessage(settledReminderMessage(copy.payload, settled.settlement)) });
    }
  });
}
