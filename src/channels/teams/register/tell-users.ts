import { findChannelMessage, rememberChannelMessage } from "../../../core/channel-messages.js";
import { toldView } from "../../../features/register/conversation/register-views.js";
import { cardMessage } from "../cards/adaptive-card.js";
import { adaptiveCardOf } from "../conversation/adaptive-card-message.js";
import type { TeamsContext } from "../context.js";

/**
 * When a register entry is suspended or retired, each of its users on Teams is told in their personal chat, with the
 * reason. Each message is remembered, so a retry tells only those not told yet.
 */
export function subscribeRegisterLifecycle(ctx: TeamsContext): void {
  ctx.core.events.subscriber("teams.register-lifecycle").on("register.lifecycle_changed", async ({ system, reason, change, tell }) => {
    const view = toldView(system, reason);
    for (const user of tell.filter((candidate) => candidate.channel === "teams")) {
      const key = { entityType: "ai_system", entityId: system.reference, purpose: `lifecycle:${change}:${user.id}`, channel: "teams" as const };
      if (await findChannelMessage(ctx.core.prisma, key)) continue;
      const sent = await ctx.messenger.sendToUser(user.id, cardMessage(adaptiveCardOf(view), view.summary));
      if (!sent?.activityId) {
        ctx.logger.warn({ system: system.reference }, "could not tell a Teams user that an AI system they use changed");
        continue;
      }
      await rememberChannelMessage(ctx.core.prisma, key, { conversationId: sent.conversationId, messageId: sent.activityId });
    }
  });
}
