import type { DecisionOutcome } from "../../../features/requests/request-service.js";
import { approvalCard, readDecisionTarget, REASON_INPUT } from "../cards/approval-card.js";
import { cardResponse, messageResponse } from "../cards/adaptive-card.js";
import { deciderOf } from "../../../features/requests/conversation/request-views.js";
import { REQUEST_WORDING as W } from "../../../features/requests/conversation/request-wording.js";
import { teamsText } from "../conversation/adaptive-card-message.js";
import { failureMessage } from "../reply.js";
import { gatedApprovalCard } from "../assessments/gate-card.js";
import type { CardActionHandler } from "./card-action.js";

/**
 * Approve / Reject / Request changes on the approvals card. The core checks the approver, self-approval and that
 * the first decision wins; the card that comes back shows the outcome (or the request as it now stands).
 */
export function decideRequest(outcome: DecisionOutcome): CardActionHandler {
  return async ({ ctx, actor, data }) => {
    const target = readDecisionTarget(data);
    if (!target) return messageResponse(W.outOfDate);
    const reason = typeof data[REASON_INPUT] === "string" ? (data[REASON_INPUT] as string) : undefined;
    try {
      const result = await ctx.core.requests.decide(actor, target.reference, target.revision, outcome, reason);
      switch (result.kind) {
        case "decided":
          return cardResponse(approvalCard(result.request, result.decision));
        case "already_decided": {
          const { request, decision } = result;
          if (decision) {
            return messageResponse(teamsText(W.alreadyDecidedBy(request.reference, deciderOf(decision))));
          }
          return cardResponse(approvalCard(request, await ctx.core.requests.latestDecision(request.id)));
        }
        case "reason_required": {
          const request = await ctx.core.requests.find(target.reference);
          const ask = W.giveReasonFor[outcome === "rejected" ? "rejected" : "changes_requested"];
          return request ? cardResponse(approvalCard(request, null, ask)) : messageResponse(ask);
        }
        case "blocked": {
          const request = await ctx.core.requests.find(target.reference);
          return request ? cardResponse(gatedApprovalCard(request, result.message, result.action)) : messageResponse(result.message);
        }
        case "forbidden":
          return messageResponse(result.message);
        case "not_found":
          return messageResponse(W.notFound(target.reference));
      }
    } catch (error) {
      return messageResponse(failureMessage(error, ctx.logger, { outcome, reference: target.reference }));
    }
  };
}
