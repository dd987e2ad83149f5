import type { AiToolRequest, RequestDecision } from "../../../db/generated/client.js";
import { TEAMS_VERBS } from "../verbs.js";
import { adaptiveCard, errorBlock, executeAction, textBlock, type AdaptiveCard, type CardElement } from "./adaptive-card.js";
import { decisionBlocks, requestSummary } from "./request-summary.js";

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
 * The card in the approvals conversation: while pending, a reason box and Approve / Reject / Request changes (a
 * reason is needed for the last two); once decided, the outcome in place of the buttons.
 */
export function approvalCard(request: AiToolRequest, decision: RequestDecision | null, reasonError?: string): AdaptiveCard {
  const body: CardElement[] = requestSummary(request);
  if (request.revision > 1 && request.status === "pending") {
    body.push(textBlock(`Resubmitted with changes (revision ${request.revision}).`, { subtle: true }));
  }
  if (request.status !== "pending") {
    return adaptiveCard(decision ? [...body, ...decisionBlocks(decision)] : body);
  }
  body.push({
    type: "Input.Text",
    id: REASON_INPUT,
    label: "Reason (needed to reject or to request changes)",
    isMultiline: true,
    maxLength: MAX_REASON_LENGTH,
  });
  if (reasonError) body.push(errorBlock(reasonError));
  const data = { reference: request.reference, revision: request.revision };
  return adaptiveCard(body, [
    executeAction("Approve", TEAMS_VERBS.approve, data, "positive"),
    executeAction("Reject", TEAMS_VERBS.reject, data, "destructive"),
    executeAction("Request changes", TEAMS_VERBS.requestChanges, data),
  ]);
}
