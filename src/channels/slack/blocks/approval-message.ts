import type { KnownBlock } from "@slack/types";
import type { AiToolRequest, RequestDecision } from "../../../db/generated/client.js";
import { SLACK_IDS } from "../ids.js";
import { decisionText, requestSummaryBlocks } from "./request-summary.js";

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
      { type: "button", action_id: SLACK_IDS.actions.approve, style: "primary", text: { type: "plain_text", text: "Approve" }, value },
      { type: "button", action_id: SLACK_IDS.actions.reject, style: "danger", text: { type: "plain_text", text: "Reject" }, value },
      { type: "button", action_id: SLACK_IDS.actions.requestChanges, text: { type: "plain_text", text: "Request changes" }, value },
    ],
  };
}

/** The message in the approvals channel: buttons while pending, the outcome once decided. */
export function approvalMessage(request: AiToolRequest, decision: RequestDecision | null) {
  const revisionNote: KnownBlock[] =
    request.revision > 1 && request.status === "pending"
      ? [{ type: "context", elements: [{ type: "mrkdwn", text: `Resubmitted with changes (revision ${request.revision}).` }] }]
      : [];
  const outcome: KnownBlock[] =
    request.status === "pending" ? [decisionButtons(request)] : decision ? [{ type: "section", text: { type: "mrkdwn", text: decisionText(decision) } }] : [];
  return {
    text: `AI tool request ${request.reference}: ${request.toolName} (${request.status.replace("_", " ")})`,
    blocks: [...requestSummaryBlocks(request), ...revisionNote, ...outcome],
  };
}
