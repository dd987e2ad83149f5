import { questionnaireRequestView } from "../../../features/vendors/conversation/vendor-views.js";
import { cardMessage } from "../cards/adaptive-card.js";
import type { TeamsContext } from "../context.js";
import { adaptiveCardOf } from "../conversation/adaptive-card-message.js";

/**
 * Sends the due-diligence questionnaire to a vendor's internal owner who uses Teams: a card in their personal chat
 * with a button that opens the form (the vendor capability's).
 */
export function subscribeVendorNotifications(ctx: TeamsContext): void {
  ctx.core.events.subscriber("teams.vendor-owner").on("vendor.changed", async ({ vendor, change }) => {
    if (change !== "questionnaire_sent" || vendor.ownerChannel !== "teams" || !vendor.ownerId) return;
    const current = await ctx.core.vendors.details(vendor.reference);
    if (current?.status !== "review_sent" || current.ownerId !== vendor.ownerId) return;
    const view = questionnaireRequestView(current);
    await ctx.messenger.sendToUser(vendor.ownerId, cardMessage(adaptiveCardOf(view), view.summary));
  });
}
