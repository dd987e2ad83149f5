import type { DecisionOutcome } from "../../../features/requests/request-service.js";
import { FormValues } from "../../../conversation/form.js";
import { parseValidity } from "../../../features/requests/approval-validity.js";
import { readValidity } from "../../../features/requests/conversation/approval-validity-fields.js";
import { approvalCard, readDecisionTarget, REASON_INPUT } from "../cards/approval-card.js";
import { readCardValues } from "../conversation/adaptive-card-form.js";
import { cardResponse, messageResponse } from "../cards/adaptive-card.js";
import { deciderOf } from "../../../features/requests/conversation/request-views.js";
import { REQUEST_WORDING as W } from "../../../features/requests/conversation/request-wording.js";
import { teamsText } from "../conversation/adaptive-card-message.js";
import { failureMessage } from "../reply.js";
import { gatedApprovalCard } from "../assessments/gate-card.js";
import type { CardActionHandler } from "./card-action.js";

/**
 * Approve / Reject / Request changes on the approvals card (for one stage, when the request has several). The core
 * checks the approver, self-approval and that the first decision of each stage wins; the card that comes back shows
 * the outcome (or the request as it now stands).
 */
export function decideRequest(outcome: DecisionOutcome, options: { withConditions?: boolean } = {}): CardActionHandler {
  return async ({ ctx, actor, data }) => {
    const target = readDecisionTarget(data);
    if (!target) return messageResponse(W.outOfDate);
    const typed = typeof data[REASON_INPUT] === "string" ? (data[REASON_INPUT] as string) : undefined;
    const { requests } = ctx.core;
    try {
      const validity = outcome === "approved" ? parseValidity(readValidity(new FormValues(readCardValues(data))), ctx.core.clock.now()) : { ok: true as const, until: null };
      if (!validity.ok) {
        const request = await requests.find(target.reference);
        return request ? cardResponse(approvalCard(request, null, await requests.progress(request), undefined, validity.errors)) : messageResponse(Object.values(validity.errors).join(" "));
      }
      if (options.withConditions && !typed?.trim() && !validity.until) {
        const request = await requests.find(target.reference);
        return request ? cardResponse(approvalCard(request, null, await requests.progress(request), W.giveConditions)) : messageResponse(W.giveConditions);
      }
      const reason = options.withConditions ? undefined : typed;
      const conditions = options.withConditions ? typed : undefined;
      const result = await requests.decide(actor, target.reference, target.revision, outcome, reason, { stageId: target.stageId, conditions, validUntil: validity.until });
      switch (result.kind) {
        case "decided":
          return cardResponse(approvalCard(result.request, result.decision, await requests.progress(result.request)));
        case "stage_decided":
          return cardResponse(approvalCard(result.request, null, await requests.progress(result.request)));
        case "already_decided": {
          const { request, decision } = result;
          if (decision) {
            return messageResponse(teamsText(W.alreadyDecidedBy(request.reference, deciderOf(decision))));
          }
          return cardResponse(approvalCard(request, await requests.latestDecision(request.id), await requests.progress(request)));
        }
        case "reason_required": {
          const request = await requests.find(target.reference);
          const ask = W.giveReasonFor[outcome === "rejected" ? "rejected" : "changes_requested"];
          return request ? cardResponse(approvalCard(request, null, await requests.progress(request), ask)) : messageResponse(ask);
        }
        case "blocked": {
          const request = await requests.find(target.reference);
          return request ? cardResponse(gatedApprovalCard(request, result.message, result.action, await requests.progress(request))) : messageResponse(result.message);
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
