import type { WebClient } from "@slack/web-api";
import type { KnownBlock } from "@slack/types";
import type { AiToolRequest, RequestDecision } from "../../../db/generated/client.js";
import { oneMessagePerKey } from "../../../core/channel-messages.js";
import { approvalMessage } from "../blocks/approval-message.js";
import { requesterDecisionMessage, requesterReceipt } from "../blocks/requester-messages.js";
import { channelSurface } from "../channel-surface.js";
import type { SlackContext } from "../context.js";

const approvalKey = (request: AiToolRequest) =>
  ({ entityType: "ai_tool_request", entityId: request.reference, purpose: "approval", channel: "slack" }) as const;

/** Shows request changes in Slack: the approvals channel message, and DMs to requesters who use Slack. */
export function subscribeRequestNotifications(ctx: SlackContext, client: WebClient): void {
  const { events, prisma } = ctx.core;

  const show = oneMessagePerKey(prisma, channelSurface(client, ctx.slack.approvalsChannel));
  const showInApprovalsChannel = (request: AiToolRequest, decision: RequestDecision | null) =>
    show(approvalKey(request), () => approvalMessage(request, decision));

  async function dmRequester(request: AiToolRequest, message: { text: string; blocks: KnownBlock[] }) {
    if (request.requesterChannel !== "slack") return;
    await client.chat.postMessage({ channel: request.requesterId, ...message });
  }

  events.on("request.submitted", async ({ request }) => {
    await Promise.all([showInApprovalsChannel(request, null), dmRequester(request, requesterReceipt(request))]);
  });

  events.on("request.resubmitted", async ({ request }) => {
    await Promise.all([showInApprovalsChannel(request, null), dmRequester(request, requesterReceipt(request))]);
  });

  events.on("request.decided", async ({ request, decision, aiSystem }) => {
    await Promise.all([
      showInApprovalsChannel(request, decision),
      dmRequester(request, requesterDecisionMessage(request, decision, aiSystem)),
    ]);
  });
}
