import type { WebClient } from "@slack/web-api";
import { delegateToldView } from "../../../features/delegations/conversation/delegation-views.js";
import type { SlackContext } from "../context.js";
import { blockKitMessage } from "../conversation/block-kit-message.js";

/** Tells a delegate who uses Slack, by DM, that they cover for an approver, or that the cover was cancelled. */
export function subscribeDelegationNotifications(ctx: SlackContext, client: WebClient): void {
  ctx.core.events.subscriber("slack.delegate").on("delegation.changed", async ({ delegation, change }) => {
    if (delegation.delegateChannel !== "slack") return;
    await client.chat.postMessage({ channel: delegation.delegateId, ...blockKitMessage(delegateToldView(delegation, change)) });
  });
}
