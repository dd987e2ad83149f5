import type { Core } from "../../../app/core.js";
import type { Capability, FormHandler } from "../../../conversation/capability.js";
import { type Form, FormValues, type FormState, withValues } from "../../../conversation/form.js";
import type { ActionValue } from "../../../conversation/message.js";
import { answerOf, formProblem, type Reply, replyText, tell } from "../../../conversation/reply.js";
import type { CardActionHandler } from "../actions/card-action.js";
import { cardResponse, messageResponse } from "../cards/adaptive-card.js";
import { adaptiveCardForm, readCardValues } from "./adaptive-card-form.js";
import { adaptiveCardOf, teamsText } from "./adaptive-card-message.js";
import { failureOf, teamsTurn } from "./teams-turn.js";
import { timeZoneOf } from "./time-zone.js";
import type { CardInvokeResponse } from "../transport/index.js";

/**
 * The invoke answer: a card replaces the clicked one, text leaves it as it is. A form sent back with errors keeps
 * what was typed; an inline form (inside the card) keeps it by itself, so its errors are text.
 */
function invokeResponse(reply: Reply, zone: string, shownBack?: { form: Form | undefined; values: FormValues }): CardInvokeResponse {
  if (reply.kind === "show" || reply.kind === "changed") return cardResponse(adaptiveCardOf(reply.message));
  if (reply.kind === "form") return cardResponse(adaptiveCardForm(reply.form, {}, undefined, zone));
  if (reply.kind === "errors" && shownBack?.form) {
    return cardResponse(adaptiveCardForm(withValues(shownBack.form, shownBack.values), reply.errors, reply.problem, zone));
  }
  // Commands, moments and people named in the text read as Teams shows them, as in a card.
  return messageResponse(teamsText(replyText(reply)));
}

function formVerb(capability: Capability<Core>, id: string, handler: FormHandler<Core>): CardActionHandler {
  return async ({ ctx, turn: context, actor, data }) => {
    const turn = teamsTurn(ctx, actor, context.activity);
    const state = data as FormState;
    const zone = timeZoneOf(context.activity);
    const form = handler.inline ? undefined : await handler.form(state, turn);
    const values = new FormValues(readCardValues(data, form?.fields, zone));
    const failed = (error: unknown) => {
      const text = failureOf(ctx, capability, error, id);
      return handler.inline ? tell(text) : formProblem(text);
    };
    const early = await handler.slow?.check(turn, values);
    const reply = early ?? (await answerOf(() => handler.submit(turn, values, state), failed));
    return invokeResponse(reply, zone, { form: reply.kind === "errors" ? form : undefined, values });
  };
}

/** A capability's buttons and forms as Action.Execute verbs. */
export function verbsOf(capability: Capability<Core>): Record<string, CardActionHandler> {
  const verbs: Record<string, CardActionHandler> = {};
  for (const [id, handler] of Object.entries(capability.actions)) {
    verbs[id] = async ({ ctx, turn, actor, data }) => {
      const reply = await answerOf(() => handler(teamsTurn(ctx, actor, turn.activity), data as ActionValue, new FormValues(readCardValues(data))), (error) => tell(failureOf(ctx, capability, error, id)));
      return invokeResponse(reply, timeZoneOf(turn.activity));
    };
  }
  for (const [id, handler] of Object.entries(capability.forms)) verbs[id] = formVerb(capability, id, handler);
  return verbs;
}
