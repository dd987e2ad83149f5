import { toRawForm } from "../../../features/requests/request-form.js";
import { cardResponse, messageResponse } from "../cards/adaptive-card.js";
import { requestFormCard } from "../cards/request-form-card.js";
import { REQUEST_WORDING as W } from "../../../features/requests/conversation/request-wording.js";
import { failureMessage } from "../reply.js";
import { TEAMS_VERBS } from "../verbs.js";
import type { CardActionHandler } from "./card-action.js";

/** "Edit and resubmit": the request form filled with the request as it stands, with the approver's ask on top. */
export const editRequest: CardActionHandler = async ({ ctx, actor, data }) => {
  try {
    const request = await ctx.core.requests.find(String(data.reference ?? ""));
    if (!request) return messageResponse(W.notFoundThat);
    const refusal = await ctx.core.requests.editRefusal(actor, request);
    if (refusal) return messageResponse(refusal);
    const decision = await ctx.core.requests.latestDecision(request.id);
    return cardResponse(
      requestFormCard({
        title: W.edit(request.reference),
        intro: decision?.reason ? W.approverAsked(decision.reason) : undefined,
        verb: TEAMS_VERBS.resubmitRequest,
        data: { reference: request.reference },
        values: toRawForm(request),
      }),
    );
  } catch (error) {
    return messageResponse(failureMessage(error, ctx.logger, { verb: TEAMS_VERBS.editRequest }));
  }
};
