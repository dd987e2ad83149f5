import type { AiSystem, AiToolRequest, RequestDecision } from "../../../db/generated/client.js";
import { oneMessagePerKey } from "../../../core/channel-messages.js";
import { approvalCard } from "../cards/approval-card.js";
import { cardMessage } from "../cards/adaptive-card.js";
import { approvalView, outcomeView, reopenedView } from "../../../features/requests/conversation/request-views.js";
import { adaptiveCardOf } from "../conversation/adaptive-card-message.js";
import type { TeamsContext } from "../context.js";
import { conversationSurface } from "../conversation-surface.js";

const approvalKey = (request: AiToolRequest) =>
  ({ entityType: "ai_tool_request", entityId: request.reference, purpose: "approval", channel: "teams" }) as const;


/**
 * Shows request changes in Teams, whichever channel they came from: the card in the approvals conversation
 * (posted once, then updated in place), and the outcome in the personal chat of requesters who use Teams.
 */
export function subscribeRequestNotifications(ctx: TeamsContext): void {
  const { prisma } = ctx.core;

  const show = oneMessagePerKey(prisma, conversationSurface(ctx.messenger, ctx.teams.approvalsConversation));
  async function showInApprovalsConversation(request: AiToolRequest, decision: RequestDecision | null): Promise<void> {
    const progress = await ctx.core.requests.progress(request);
    await show(approvalKey(request), () => cardMessage(approvalCard(request, decision, progress), approvalView(request, decision, progress).summary));
  }

  async function tellRequester(request: AiToolRequest, decision: RequestDecision, aiSystem: AiSystem | null) {
    if (request.requesterChannel !== "teams") return;
    const view = outcomeView(request, decision, aiSystem);
    await ctx.messenger.sendToUser(request.requesterId, cardMessage(adaptiveCardOf(view), view.summary));
  }

  // The approvals card and the requester's message are delivered apart: an outage that fails one never repeats the other.
  const approvals = ctx.core.events.subscriber("teams.approvals");
  approvals.on("request.submitted", ({ request }) => showInApprovalsConversation(request, null));
  approvals.on("request.resubmitted", ({ request }) => showInApprovalsConversation(request, null));
  approvals.on("request.decided", ({ request, decision }) => showInApprovalsConversation(request, decision));
  approvals.on("request.redisplayed", ({ request, decision }) => showInApprovalsConversation(request, decision));
  approvals.on("request.stage_decided", ({ request }) => showInApprovalsConversation(request, null));
  approvals.on("request.withdrawn", ({ request }) => showInApprovalsConversation(request, null));
  approvals.on("request.reopened", ({ request }) => showInApprovalsConversation(request, null));
  const requester = ctx.core.events.subscriber("teams.requester");
  requester.on("request.decided", ({ request, decision, aiSystem }) => tellRequester(request, decision, aiSystem));
  requester.on("request.reopened", async ({ request, reason, by }) => {
    if (request.requesterChannel !== "teams") return;
    const view = reopenedView(request, by, reason);
    await ctx.messenger.sendToUser(request.requesterId, cardMessage(adaptiveCardOf(view), view.summary));
  });
}
