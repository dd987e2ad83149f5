import { FormValues } from "../../../conversation/form.js";
import { rawRequestOf, requestForm } from "../../../features/requests/conversation/request-forms.js";
import { receiptView } from "../../../features/requests/conversation/request-views.js";
import { REQUEST_WORDING as W } from "../../../features/requests/conversation/request-wording.js";
import { cardResponse, messageResponse } from "../cards/adaptive-card.js";
import { adaptiveCardForm, readCardValues } from "../conversation/adaptive-card-form.js";
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
    const form = rawRequestOf(new FormValues(readCardValues(data)));
    const reference = typeof data.reference === "string" ? data.reference : "";
    const formId = typeof data.formId === "string" && data.formId ? data.formId : null;
    if (mode === "new" && !formId) return messageResponse(teamsText(W.formOutOfDate));
    const shownBack = requestForm(
      mode === "new"
        ? { id: TEAMS_VERBS.submitRequest, state: { formId: formId! }, values: form }
        : { id: TEAMS_VERBS.resubmitRequest, state: { reference }, values: form, editing: reference },
    );
    const formAgain = (errors: Record<string, string>, problem?: string) => cardResponse(adaptiveCardForm(shownBack, errors, problem));
    try {
      const result =
        mode === "new"
          ? await ctx.core.requests.submit(actor, form, `teams:${formId}`)
          : await ctx.core.requests.resubmit(actor, reference, form);
      if (result.ok) return cardResponse(adaptiveCardOf(receiptView(result.request)));
      if ("errors" in result) return formAgain(result.errors as Record<string, string>);
      return formAgain({}, result.message);
    } catch (error) {
      return formAgain({}, failureMessage(error, ctx.logger, { verb: mode }));
    }
  };
}
