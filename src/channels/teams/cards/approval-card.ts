import type { AiToolRequest, RequestDecision } from "../../../db/generated/client.js";
import { approvalView } from "../../../features/requests/conversation/request-views.js";
import { REQUEST_WORDING as W } from "../../../features/requests/conversation/request-wording.js";
import { adaptiveCardOf } from "../conversation/adaptive-card-message.js";
import { TEAMS_VERBS } from "../verbs.js";
import { adaptiveCard, errorBlock, executeAction, type AdaptiveCard } from "./adaptive-card.js";

export const REASON_INPUT = "reason";
export const MAX_REASON_LENGTH = 1000;

/** What every decision button carries: which request, and which revision of it the approver saw. */
export interface DecisionTarget {
  reference: string;
  revision: number;
}

export function readDecisionTarget(data: Record<string, unknown>): DecisionTarget | null {
  const reference = typeof data.reference === "string" && /^REQ-\d+$/.test(data.reference) ? data.reference : null;
  const revision = Number(data.revision);
  return reference && Number.isInteger(revision) && revision > 0 ? { reference, revision } : null;
}

/**
 * The card in the approvals conversation: the request as both chats show it and, while pending, a reason box and
 * Approve / Reject / Request changes (a reason is needed for the last two); once decided, the outcome instead.
 */
export function approvalCard(request: AiToolRequest, decision: RequestDecision | null, reasonError?: string): AdaptiveCard {
  const card = adaptiveCardOf(approvalView(request, decision));
  if (request.status !== "pending") return card;
  const reason = { type: "Input.Text", id: REASON_INPUT, label: W.reasonLabel, isMultiline: true, maxLength: MAX_REASON_LENGTH };
  const data = { reference: request.reference, revision: request.revision };
  return adaptiveCard(
    [...card.body, reason, ...(reasonError ? [errorBlock(reasonError)] : [])],
    [
      executeAction(W.approve, TEAMS_VERBS.approve, data, "positive"),
      executeAction(W.reject, TEAMS_VERBS.reject, data, "destructive"),
      executeAction(W.requestChanges, TEAMS_VERBS.requestChanges, data),
    ],
  );
}
