import type { AiToolRequest, RequestDecision } from "../../../db/generated/client.js";
import type { FieldErrors } from "../../../conversation/form.js";
import type { StageProgress } from "../../../features/requests/approval-stages.js";
import { approvalMessage } from "../../../features/requests/conversation/request-decisions.js";
import { adaptiveCardOf } from "../conversation/adaptive-card-message.js";
import type { AdaptiveCard } from "./adaptive-card.js";

/**
 * The approvals message as a card: while pending, above its decision buttons, a box that each of them sends along
 * and how long an approval holds (a period or a date, optional); a card keeps what was typed, so Teams asks for a
 * reason or conditions here rather than in a form, with each problem under its input.
 */
export function approvalCard(request: AiToolRequest, decision: RequestDecision | null, progress: StageProgress[] = [], errors: FieldErrors = {}): AdaptiveCard {
  return adaptiveCardOf(approvalMessage(request, decision, progress), errors);
}
