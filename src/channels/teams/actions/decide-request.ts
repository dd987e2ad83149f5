import type { DecisionOutcome } from "../../../features/requests/request-service.js";
import { FormValues } from "../../../conversation/form.js";
import { approvalCard } from "../cards/approval-card.js";
import { cardResponse, messageResponse } from "../cards/adaptive-card.js";
import { readValidity } from "../../../features/requests/conversation/approval-validity-fields.js";
import { decisionTarget, REASON_FIELD, takeDecision } from "../../../features/requests/conversation/request-decisions.js";
import { REQUEST_WORDING as W } from "../../../features/requests/conversation/request-wording.js";
import { readCardValues } from "../conversation/adaptive-card-form.js";
import { teamsText } from "../conversation/adaptive-card-message.js";
import { failureMessage } from "../reply.js";
import { gatedApprovalCard } from "../assessments/gate-card.js";
import type { CardActionHandler } from "./card-action.js";

/**
 * A decision button of the approvals card, with what was typed in its inputs: the clicked card comes back as the
 * request now stands, with the problems under the inputs when the reason or conditions were missing or the
 * approval's end will not do, or a message saying why not.
 */
export function decideRequest(outcome: DecisionOutcome, options: { withConditions?: boolean } = {}): CardActionHandler {
  return async ({ ctx, actor, data }) => {
    const target = decisionTarget(data);
    if (!target) return messageResponse(W.outOfDate);
    const values = new FormValues(readCardValues(data));
    const typed = values.text(REASON_FIELD) ?? "";
    const validity = readValidity(values);
    try {
      const words = options.withConditions ? { conditions: typed, validity } : { reason: typed || undefined, validity };
      const answer = await takeDecision(ctx.core.requests, actor, target, outcome, words, ctx.core.clock.now());
      switch (answer.kind) {
        case "done":
        case "changed":
          return cardResponse(approvalCard(answer.request, answer.decision, answer.progress));
        case "missing":
          return answer.standing ? cardResponse(approvalCard(answer.standing.request, null, answer.standing.progress, answer.errors)) : messageResponse(answer.text);
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
