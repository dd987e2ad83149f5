import type { AiToolRequest, RequestDecision } from "../../../db/generated/client.js";
import type { StageProgress } from "../../../features/requests/approval-stages.js";
import { approvalView, decisionTargets } from "../../../features/requests/conversation/request-views.js";
import { REQUEST_WORDING as W } from "../../../features/requests/conversation/request-wording.js";
import type { FieldErrors } from "../../../conversation/form.js";
import { validityFields } from "../../../features/requests/conversation/approval-validity-fields.js";
import { adaptiveCardOf } from "../conversation/adaptive-card-message.js";
import { cardInputs } from "../conversation/adaptive-card-inputs.js";
import { TEAMS_VERBS } from "../verbs.js";
import { adaptiveCard, errorBlock, executeAction, type AdaptiveCard } from "./adaptive-card.js";

export const REASON_INPUT = "reason";
export const MAX_REASON_LENGTH = 1000;

/** What every decision button carries: which request, and which revision of it the approver saw. */
export interface DecisionTarget {
  reference: string;
  revision: number;
  /** The stage the button was for, when the request has several. */
  stageId?: string;
}

export function readDecisionTarget(data: Record<string, unknown>): DecisionTarget | null {
  const reference = typeof data.reference === "string" && /^REQ-\d+$/.test(data.reference) ? data.reference : null;
  const revision = Number(data.revision);
  if (!reference || !Number.isInteger(revision) || revision <= 0) return null;
  const stageId = typeof data.stageId === "string" && /^[a-z][a-z0-9_-]{0,39}$/.test(data.stageId) ? data.stageId : undefined;
  return { reference, revision, ...(stageId ? { stageId } : {}) };
}

/**
 * The card in the approvals conversation: the request as both chats show it and, while pending, a reason box, how
 * long an approval holds (a period or a date, optional) and Approve / Reject / Request changes (a reason is needed
 * for the last two); once decided, the outcome instead.
 */
export function approvalCard(
  request: AiToolRequest,
  decision: RequestDecision | null,
  progress: StageProgress[] = [],
  reasonError?: string,
  validityErrors: FieldErrors = {},
): AdaptiveCard {
  const card = adaptiveCardOf(approvalView(request, decision, progress));
  if (request.status !== "pending") return card;
  const reason = { type: "Input.Text", id: REASON_INPUT, label: W.reasonLabel, isMultiline: true, maxLength: MAX_REASON_LENGTH };
  return adaptiveCard(
    [...card.body, reason, ...(reasonError ? [errorBlock(reasonError)] : []), ...cardInputs(validityFields(), validityErrors)],
    decisionTargets(progress).flatMap(({ stageId, name }) => {
      const data = { reference: request.reference, revision: request.revision, ...(stageId ? { stageId } : {}) };
      return [
        executeAction(name ? W.approveStage(name) : W.approve, TEAMS_VERBS.approve, data, "positive"),
        executeAction(name ? W.conditionsStage(name) : W.approveWithConditions, TEAMS_VERBS.approveWithConditions, data),
        executeAction(name ? W.rejectStage(name) : W.reject, TEAMS_VERBS.reject, data, "destructive"),
        executeAction(name ? W.changesStage(name) : W.requestChanges, TEAMS_VERBS.requestChanges, data),
      ];
    }),
  );
}
