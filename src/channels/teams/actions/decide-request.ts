import type { DecisionOutcome } from "../../../features/requests/request-service.js";
import { approvalCard } from "../cards/approval-card.js";
import { cardResponse, messageResponse } from "../cards/adaptive-card.js";
import { decisionTarget, REASON_FIELD, takeDecision } from "../../../features/requests/conversation/request-decisions.js";
import { REQUEST_WORDING as W } from "../../../features/requests/conversation/request-wording.js";
import { teamsText } from "../conversation/adaptive-card-message.js";
import { failureMessage } from "../reply.js";
import { gatedApprovalCard } from "../assessments/gate-card.js";
import type { CardActionHandler } from "./card-action.js";

/**
 * A decision button of the approvals card, with what was typed in its box: the clicked card comes back as the
 * request now stands, with the question when the reason or conditions were missing, or a message saying why not.
 */
export function decideRequest(outcome: DecisionOutcome, options: { withConditions?: boolean } = {}): CardActionHandler {
  return async ({ ctx, actor, data }) => {
    const target = decisionTarget(data);
    if (!target) return messageResponse(W.outOfDate);
    const typed = typeof data[REASON_FIELD] === "string" ? (data[REASON_FIELD] as string) : "";
    try {
      const answer = await takeDecision(ctx.core.requests, actor, target, outcome, options.withConditions ? { conditions: typed } : { reason: typed || undefined });
      switch (answer.kind) {
        case "done":
        case "changed":
          return cardResponse(approvalCard(answer.request, answer.decision, answer.progress));
        case "missing":
          return answer.standing ? cardResponse(approvalCard(answer.standing.request, null, answer.standing.progress, answer.text)) : messageResponse(answer.text);
        case "blocked": {
          const { standing } = answer;
          return standing ? cardResponse(gatedApprovalCard(standing.request, answer.text, answer.next, standing.progress)) : messageResponse(answer.text);
        }
        case "refused":
          return messageResponse(teamsText(answer.text));
      }
    } catch (error) {
      return messageResponse(failureMessage(error, ctx.logger, { outcome, reference: target.reference }));
    }
  };
}
