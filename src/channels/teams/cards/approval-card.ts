import type { AiToolRequest, RequestDecision } from "../../../db/generated/client.js";
import type { StageProgress } from "../../../features/requests/approval-stages.js";
import { approvalMessage, MAX_REASON_LENGTH, REASON_FIELD } from "../../../features/requests/conversation/request-decisions.js";
import { REQUEST_WORDING as W } from "../../../features/requests/conversation/request-wording.js";
import { adaptiveCardOf } from "../conversation/adaptive-card-message.js";
import { adaptiveCard, errorBlock, type AdaptiveCard } from "./adaptive-card.js";

/**
 * The approvals message as a card: while pending, a box above its decision buttons that each of them sends along
 * (a card keeps what was typed, so Teams asks for a reason or conditions here rather than in a form).
 */
export function approvalCard(request: AiToolRequest, decision: RequestDecision | null, progress: StageProgress[] = [], reasonError?: string): AdaptiveCard {
  const card = adaptiveCardOf(approvalMessage(request, decision, progress));
  if (request.status !== "pending") return card;
  const reason = { type: "Input.Text", id: REASON_FIELD, label: W.reasonLabel, isMultiline: true, maxLength: MAX_REASON_LENGTH };
  return adaptiveCard([...card.body, reason, ...(reasonError ? [errorBlock(reasonError)] : [])], card.actions);
}
