import type { DecisionOutcome } from "../../../features/requests/request-service.js";
import { approvalCard, readDecisionTarget, REASON_INPUT } from "../cards/approval-card.js";
import { cardResponse, messageResponse } from "../cards/adaptive-card.js";
import { personLabel } from "../cards/text.js";
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
    if (!target) return messageResponse("That card is out of date. Please use the latest one.");
    const reason = typeof data[REASON_INPUT] === "string" ? (data[REASON_INPUT] as string) : undefined;
    try {
      const result = await ctx.core.requests.decide(actor, target.reference, target.revision, outcome, reason);
      switch (result.kind) {
        case "decided":
          return cardResponse(approvalCard(result.request, result.decision));
        case "already_decided": {
          const { request, decision } = result;
          if (decision) {
            return messageResponse(
              `${request.reference} was already decided by ${personLabel({ channel: decision.deciderChannel, id: decision.deciderId, name: decision.deciderName })}.`,
            );
          }
          return cardResponse(approvalCard(request, await ctx.core.requests.latestDecision(request.id)));
        }
        case "reason_required": {
          const request = await ctx.core.requests.find(target.reference);
          const ask = outcome === "rejected" ? "Please give a reason for rejecting." : "Please say what should change.";
          return request ? cardResponse(approvalCard(request, null, ask)) : messageResponse(ask);
        }
        case "blocked": {
          const request = await ctx.core.requests.find(target.reference);
          return request ? cardResponse(gatedApprovalCard(request, result.message, result.action)) : messageResponse(result.message);
        }
        case "forbidden":
          return messageResponse(result.message);
        case "not_found":
          return messageResponse(`I can't find request ${target.reference}.`);
      }
    } catch (error) {
      return messageResponse(failureMessage(error, ctx.logger, { outcome, reference: target.reference }));
    }
  };
}
