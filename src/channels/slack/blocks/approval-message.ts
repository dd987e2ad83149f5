import type { KnownBlock } from "@slack/types";
import type { AiToolRequest, RequestDecision } from "../../../db/generated/client.js";
import type { StageProgress } from "../../../features/requests/approval-stages.js";
import { approvalView, decisionTargets } from "../../../features/requests/conversation/request-views.js";
import { REQUEST_WORDING as W } from "../../../features/requests/conversation/request-wording.js";
import { blockKitMessage } from "../conversation/block-kit-message.js";
import { SLACK_IDS } from "../ids.js";

/** The value every decision button carries: which request, which revision of it the approver saw, and the stage (when it has several). */
export function decisionButtonValue(request: Pick<AiToolRequest, "reference" | "revision">, stageId?: string): string {
  return `${request.reference}:${request.revision}${stageId ? `:${stageId}` : ""}`;
}

export function parseDecisionButtonValue(value: string): { reference: string; revision: number; stageId?: string } | null {
  const match = /^(REQ-\d+):(\d+)(?::([a-z][a-z0-9_-]{0,39}))?$/.exec(value);
  if (!match) return null;
  return { reference: match[1]!, revision: Number(match[2]), ...(match[3] ? { stageId: match[3] } : {}) };
}

/** Approve / Reject / Request changes: once for a request of one stage, else once per stage open now, labelled with it. */
export function decisionButtons(request: AiToolRequest, progress: StageProgress[] = []): KnownBlock[] {
  return decisionTargets(progress).map(({ stageId, name }) => {
    const value = decisionButtonValue(request, stageId);
    return {
      type: "actions",
      block_id: `decide:${request.reference}${stageId ? `:${stageId}` : ""}`,
      elements: [
        { type: "button", action_id: SLACK_IDS.actions.approve, style: "primary", text: { type: "plain_text", text: name ? W.approveStage(name) : W.approve }, value },
        { type: "button", action_id: SLACK_IDS.actions.approveWithConditions, text: { type: "plain_text", text: name ? W.conditionsStage(name) : W.approveWithConditions }, value },
        { type: "button", action_id: SLACK_IDS.actions.reject, style: "danger", text: { type: "plain_text", text: name ? W.rejectStage(name) : W.reject }, value },
        { type: "button", action_id: SLACK_IDS.actions.requestChanges, text: { type: "plain_text", text: name ? W.changesStage(name) : W.requestChanges }, value },
      ],
    } satisfies KnownBlock;
  });
}

/** The message in the approvals channel: the request as both chats show it, with Slack's buttons while pending. */
export function approvalMessage(request: AiToolRequest, decision: RequestDecision | null, progress: StageProgress[] = []) {
  const { text, blocks } = blockKitMessage(approvalView(request, decision, progress));
  return { text, blocks: request.status === "pending" ? [...blocks, ...decisionButtons(request, progress)] : blocks };
}
