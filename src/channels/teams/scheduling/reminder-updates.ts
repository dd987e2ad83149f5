import { cardMessage } from "../cards/adaptive-card.js";
import type { TeamsContext } from "../context.js";
import { settledReminderCard } from "./cards/reminder-card.js";

/** Once an occurrence is settled, every reminder and escalation card sent for it in Teams says so, without buttons. */
export function subscribeReminderUpdates(ctx: TeamsContext): void {
  ctx.core.events.subscriber("teams.reminders").on("reminder.settled", async ({ occurrenceKey, settlement }) => {
    const settled = await ctx.core.scheduling.reminders.remindersToSettle(occurrenceKey, "teams", settlement);
    for (const copy of settled.copies) {
      const { card, summary } = settledReminderCard(copy.payload, settled.settlement);
      await ctx.messenger.update(copy.conversationId, copy.messageId, cardMessage(card, summary));
    }
  });
}
