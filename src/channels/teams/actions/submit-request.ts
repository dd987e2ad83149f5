import { FIX_MARKED_ANSWERS } from "../../../conversation/reply.js";
import { messageResponse, cardResponse } from "../cards/adaptive-card.js";
import { readRequestForm, requestFormCard } from "../cards/request-form-card.js";
import { receiptView } from "../../../features/requests/conversation/request-views.js";
import { REQUEST_WORDING as W } from "../../../features/requests/conversation/request-wording.js";
import { adaptiveCardOf, teamsText } from "../conversation/adaptive-card-message.js";
import { failureMessage } from "../reply.js";
import { TEAMS_VERBS } from "../verbs.js";
import type { CardActionHandler } from "./card-action.js";

/**
 * Submit of a new request form, or of an edited one (its data holds the reference). Invalid input or a failure
 * answers with the same form, errors under their fields and everything typed kept.
 */
export function submitRequest(mode: "new" | "resubmit"): CardActionHandler {
  return async ({ ctx, actor, data }) => {
    const form = readRequestForm(data);
    const reference = typeof data.reference === "string" ? data.reference : "";
    const formId = typeof data.formId === "string" && data.formId ? data.formId : null;
    if (mode === "new" && !formId) return messageResponse(teamsText(W.formOutOfDate));
    const formAgain = (extra: { errors?: Record<string, string>; problem?: string }) =>
      cardResponse(
        requestFormCard({
          title: mode === "new" ? W.formTitle : W.edit(reference),
          verb: mode === "new" ? TEAMS_VERBS.submitRequest : TEAMS_VERBS.resubmitRequest,
          data: mode === "new" ? { formId: formId! } : { reference },
          values: form,
          ...extra,
        }),
      );
    try {
      const result =
        mode === "new"
          ? await ctx.core.requests.submit(actor, form, `teams:${formId}`)
          : await ctx.core.requests.resubmit(actor, reference, form);
      if (result.ok) return cardResponse(adaptiveCardOf(receiptView(result.request)));
      if ("errors" in result) return formAgain({ errors: result.errors as Record<string, string>, problem: FIX_MARKED_ANSWERS });
      return formAgain({ problem: result.message });
    } catch (error) {
      return formAgain({ problem: failureMessage(error, ctx.logger, { verb: mode }) });
    }
  };
}
