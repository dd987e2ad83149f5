import { replyText } from "../../../conversation/reply.js";
import { editRequest as editRequestForm } from "../../../features/requests/conversation/request-forms.js";
import { cardResponse, messageResponse } from "../cards/adaptive-card.js";
import { adaptiveCardForm } from "../conversation/adaptive-card-form.js";
import { failureMessage } from "../reply.js";
import { TEAMS_VERBS } from "../verbs.js";
import type { CardActionHandler } from "./card-action.js";

/** "Edit and resubmit": the request form as the card, or why not as a message. */
export const editRequest: CardActionHandler = async ({ ctx, actor, data }) => {
  try {
    const reply = await editRequestForm(ctx.core.requests, actor, String(data.reference ?? ""), TEAMS_VERBS.resubmitRequest);
    return reply.kind === "form" ? cardResponse(adaptiveCardForm(reply.form)) : messageResponse(replyText(reply));
  } catch (error) {
    return messageResponse(failureMessage(error, ctx.logger, { verb: TEAMS_VERBS.editRequest }));
  }
};
