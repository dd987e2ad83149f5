import type { WebClient } from "@slack/web-api";
import type { KnownBlock } from "@slack/types";
import type { AiToolRequest, RequestDecision } from "../../../db/generated/client.js";
import { oneMessagePerKey } from "../../../core/channel-messages.js";
import { approvalMessage } from "../../../features/requests/conversation/request-decisions.js";
import { outcomeView, receiptView, reopenedView } from "../../../features/requests/conversation/request-views.js";
import { blockKitMessage } from "../conversation/block-kit-message.js";
import { channelSurface } from "../channel-surface.js";
import type { SlackContext } from "../context.js";

const approvalKey = (request: AiToolRequest) =>
  ({ entityType: "ai_tool_request", entityId: request.reference, purpose: "approval", channel: "slack" }) as const;

/** Shows request changes in Slack: the approvals channel message, and DMs to requesters who use Slack. */
export function subscribeRequestNotifications(ctx: SlackContext, client: WebClient): void {
  const { prisma } = ctx.core;

  const show = oneMessagePerKey(prisma, channelSurface(client, ctx.slack.approvalsChannel));
  async function showInApprovalsChannel(request: AiToolRequest, decision: RequestDecision | null): Promise<void> {
    const progress = await ctx.core.requests.progress(request);
    await show(approvalKey(request), () => blockKitMessage(approvalMessage(request, decision, progress)));
  }

  async function dmRequester(request: AiToolRequest, message: { text: string; blocks: KnownBlock[] }) {
    if (request.requesterChannel !== "slack") return;
    await client.chat.postMessage({ channel: request.requesterId, ...message });
  }

  // The approvals message and the requester's DMs are delivered apart: an outage that fails one never repeats the other.
  const approvals = ctx.core.events.subscriber("slack.approvals");
  approvals.on("request.submitted", ({ request }) => showInApprovalsChannel(request, null));
  approvals.on("request.resubmitted", ({ request }) => showInApprovalsChannel(request, null));
  approvals.on("request.decided", ({ request, decision }) => showInApprovalsChannel(request, decision));
  approvals.on("request.redisplayed", ({ request, decision }) => showInApprovalsChannel(request, decision));
  approvals.on("request.stage_decided", ({ request }) => showInApprovalsChannel(request, null));
  approvals.on("request.withdrawn", ({ request }) => showInApprovalsChannel(request, null));
  approvals.on("request.reopened", ({ request }) => showInApprovalsChannel(request, null));

  const requester = ctx.core.events.subscriber("slack.requester");
  requester.on("request.submitted", ({ request }) => dmRequester(request, blockKitMessage(receiptView(request))));
  requester.on("request.resubmitted", ({ request }) => dmRequester(request, blockKitMessage(receiptView(request))));
  requester.on("request.reopened", ({ request, reason, by }) => dmRequester(request, blockKitMessage(reopenedView(request, by, reason))));
  requester.on("request.decided", ({ request, decision, aiSystem }) => dmRequester(request, blockKitMessage(outcomeView(request, decision, aiSystem))));
}
