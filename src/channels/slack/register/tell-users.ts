import type { WebClient } from "@slack/web-api";
import { findChannelMessage, rememberChannelMessage } from "../../../core/channel-messages.js";
import { toldView } from "../../../features/register/conversation/register-views.js";
import { blockKitMessage } from "../conversation/block-kit-message.js";
import type { SlackContext } from "../context.js";

/**
 * When a register entry is suspended or retired, each of its users on Slack gets a DM saying so, with the reason.
 * Each DM is remembered, so a retry tells only those not told yet.
 */
export function subscribeRegisterLifecycle(ctx: SlackContext, client: WebClient): void {
  ctx.core.events.subscriber("slack.register-lifecycle").on("register.lifecycle_changed", async ({ system, reason, change, tell }) => {
    const message = blockKitMessage(toldView(system, reason));
    for (const user of tell.filter((candidate) => candidate.channel === "slack")) {
      const key = { entityType: "ai_system", entityId: system.reference, purpose: `lifecycle:${change}:${user.id}`, channel: "slack" as const };
      if (await findChannelMessage(ctx.core.prisma, key)) continue;
      const posted = await client.chat.postMessage({ channel: user.id, ...message });
      await rememberChannelMessage(ctx.core.prisma, key, { conversationId: posted.channel ?? user.id, messageId: posted.ts! });
    }
  });
}
