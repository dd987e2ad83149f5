import type { WebClient } from "@slack/web-api";
import { questionnaireRequestView } from "../../../features/vendors/conversation/vendor-views.js";
import type { SlackContext } from "../context.js";
import { blockKitMessage } from "../conversation/block-kit-message.js";

/**
 * Sends the due-diligence questionnaire to a vendor's internal owner who uses Slack: a DM with a button that opens
 * the form (the vendor capability's). Rendered from the database, so a retried delivery shows the vendor as it is.
 */
export function subscribeVendorNotifications(ctx: SlackContext, client: WebClient): void {
  ctx.core.events.subscriber("slack.vendor-owner").on("vendor.changed", async ({ vendor, change }) => {
    if (change !== "questionnaire_sent" || vendor.ownerChannel !== "slack" || !vendor.ownerId) return;
    const current = await ctx.core.vendors.details(vendor.reference);
    if (current?.status !== "review_sent" || current.ownerId !== vendor.ownerId) return;
    await client.chat.postMessage({ channel: vendor.ownerId, ...blockKitMessage(questionnaireRequestView(current)) });
  });
}
