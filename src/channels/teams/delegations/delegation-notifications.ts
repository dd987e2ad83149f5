import { delegateToldView } from "../../../features/delegations/conversation/delegation-views.js";
import { cardMessage } from "../cards/adaptive-card.js";
import type { TeamsContext } from "../context.js";
import { adaptiveCardOf } from "../conversation/adaptive-card-message.js";

/** Tells a delegate who uses Teams, in their personal chat, that they cover for an approver, or that it was cancelled. */
export function subscribeDelegationNotifications(ctx: TeamsContext): void {
  ctx.core.events.subscriber("teams.delegate").on("delegation.changed", async ({ delegation, change }) => {
    if (delegation.delegateChannel !== "teams") return;
    const view = delegateToldView(delegation, change);
    await ctx.messenger.sendToUser(delegation.delegateId, cardMessage(adaptiveCardOf(view), view.summary));
  });
}
