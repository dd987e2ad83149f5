import type { WebClient } from "@slack/web-api";
import type { SlackContext } from "../context.js";
import { settledReminderMessage } from "./blocks/reminder-message.js";

/** Once an occurrence is settled, every reminder and escalation sent for it in Slack says so, without buttons. */
export function subscribeReminderUpdates(ctx: SlackContext, client: WebClient): void {
  ctx.core.events.subscriber("slack.reminders").on("reminder.settled", async ({ occurrenceKey, settlement }) => {
    const settled = await ctx.core.scheduling.reminders.remindersToSettle(occurrenceKey, "slack", settlement);
    for (const copy of settled.copies) {
      await client.chat.update({ channel: copy.conversationId, ts: copy.messageId, ...settledReminderMessage(copy.payload, settled.settlement) });
    }
  });
}
