import { toRawForm } from "../../../features/requests/request-form.js";
import { cardResponse, messageResponse } from "../cards/adaptive-card.js";
import { requestForm } from "../../../features/requests/conversation/request-forms.js";
import { adaptiveCardForm } from "../conversation/adaptive-card-form.js";
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
      adaptiveCardForm(
        requestForm({
          id: TEAMS_VERBS.resubmitRequest,
          state: { reference: request.reference },
          values: toRawForm(request),
          editing: request.reference,
          approverAsked: decision?.reason,
        }),
      ),
    );
  } catch (error) {
    return messageResponse(failureMessage(error, ctx.logger, { verb: TEAMS_VERBS.editRequest }));
  }
};
