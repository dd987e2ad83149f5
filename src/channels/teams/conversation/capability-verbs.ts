import type { AdaptiveCardInvokeResponse } from "botbuilder";
import type { Core } from "../../../app/core.js";
import type { Actor } from "../../../core/actor.js";
import type { Capability, FormHandler, Turn } from "../../../conversation/capability.js";
import { type Form, FormValues, type FormState, withValues } from "../../../conversation/form.js";
import type { ActionValue } from "../../../conversation/message.js";
import { answerOf, formProblem, type Reply, replyText } from "../../../conversation/reply.js";
import type { CardActionHandler } from "../actions/card-action.js";
import { cardResponse, messageResponse } from "../cards/adaptive-card.js";
import type { TeamsContext } from "../context.js";
import { failureMessage } from "../reply.js";
import { adaptiveCardForm, readCardValues } from "./adaptive-card-form.js";
import { adaptiveCardOf } from "./adaptive-card-message.js";

/** A card holds about 28 KB: a long message is split into views. */
export const teamsTurn = (ctx: TeamsContext, actor: Actor): Turn<Core> => ({ services: ctx.core, actor, logger: ctx.logger, roomy: false });

/** A form sent back keeps what was typed; `tell` leaves the card as it is and shows the text. */
function invokeResponse(reply: Reply, shownBack?: { form: Form | undefined; values: FormValues }): AdaptiveCardInvokeResponse {
  if (reply.kind === "show") return cardResponse(adaptiveCardOf(reply.message));
  if (reply.kind === "form") return cardResponse(adaptiveCardForm(reply.form));
  if (reply.kind === "errors" && shownBack?.form) return cardResponse(adaptiveCardForm(withValues(shownBack.form, shownBack.values), reply.errors, reply.problem));
  return messageResponse(replyText(reply));
}

function formVerb(id: string, handler: FormHandler<Core>): CardActionHandler {
  return async ({ ctx, actor, data }) => {
    const turn = teamsTurn(ctx, actor);
    const values = new FormValues(readCardValues(data));
    const state = data as FormState;
    const early = await handler.slow?.check(turn, values);
    const reply = early ?? (await answerOf(() => handler.submit(turn, values, state), (error) => formProblem(failureMessage(error, ctx.logger, { action: id }))));
    return invokeResponse(reply, { form: reply.kind === "errors" ? await handler.form(state, turn) : undefined, values });
  };
}

/** A capability's buttons and forms as Action.Execute verbs. */
export function verbsOf(capability: Capability<Core>): Record<string, CardActionHandler> {
  const verbs: Record<string, CardActionHandler> = {};
  for (const [id, handler] of Object.entries(capability.actions)) {
    verbs[id] = async ({ ctx, actor, data }) => invokeResponse(await handler(teamsTurn(ctx, actor), data as ActionValue));
  }
  for (const [id, handler] of Object.entries(capability.forms)) verbs[id] = formVerb(id, handler);
  return verbs;
}
