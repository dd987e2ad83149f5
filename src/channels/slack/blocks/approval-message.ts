import type { KnownBlock } from "@slack/types";
import type { AiToolRequest, RequestDecision } from "../../../db/generated/client.js";
import { approvalView } from "../../../features/requests/conversation/request-views.js";
import { REQUEST_WORDING as W } from "../../../features/requests/conversation/request-wording.js";
import { blockKitMessage } from "../conversation/block-kit-message.js";
import { SLACK_IDS } from "../ids.js";

/** The value every decision button carries: which request, and which revision of it the approver saw. */
export function decisionButtonValue(request: Pick<AiToolRequest, "reference" | "revision">): string {
  return `${request.reference}:${request.revision}`;
}

export function parseDecisionButtonValue(value: string): { reference: string; revision: number } | null {
  const match = /^(REQ-\d+):(\d+)$/.exec(value);
  return match ? { reference: match[1], revision: Number(match[2]) } : null;
}

export function decisionButtons(request: AiToolRequest): KnownBlock {
  const value = decisionButtonValue(request);
  return {
    type: "actions",
    block_id: `decide:${request.reference}`,
    elements: [
      { type: "button", action_id: SLACK_IDS.actions.approve, style: "primary", text: { type: "plain_text", text: W.approve }, value },
      { type: "button", action_id: SLACK_IDS.actions.reject, style: "danger", text: { type: "plain_text", text: W.reject }, value },
      { type: "button", action_id: SLACK_IDS.actions.requestChanges, text: { type: "plain_text", text: W.requestChanges }, value },
    ],
  };
}

/** The message in the approvals channel: the request as both chats show it, with Slack's buttons while pending. */
export function approvalMessage(request: AiToolRequest, decision: RequestDecision | null) {
  const { text, blocks } = blockKitMessage(approvalView(request, decision));
  return { text, blocks: request.status === "pending" ? [...blocks, decisionButtons(request)] : blocks };
}
