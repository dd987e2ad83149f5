import { randomUUID } from "node:crypto";
import { FIX_MARKED_ANSWERS } from "../../../conversation/reply.js";
import type { Actor } from "../../../core/actor.js";
import { concernFailure } from "../../../features/concerns/concern-failure.js";
import type { QuotedMessage } from "../../../features/concerns/concern-service.js";
import { receiptView } from "../../../features/concerns/conversation/reporter-views.js";
import type { AdaptiveCard, CardElement } from "../cards/adaptive-card.js";
import type { TeamsContext } from "../context.js";
import { adaptiveCardOf } from "../conversation/adaptive-card-message.js";
import { concernFormCard, readConcernForm } from "./concern-form-card.js";
import { anonymousReceiptCard } from "./reporter-cards.js";

export interface FileConcernOptions {
  where: string;
  /** The chat card (Send is an Action.Execute) or the message action's dialog (an Action.Submit that carries the quote). */
  shownIn: "chat" | "dialog";
  quote?: QuotedMessage;
  submit?: (formId: string) => CardElement;
}

/**
 * Files the concern typed into a card. Invalid input or a failure comes back as the form with what was typed; an
 * anonymous reporter gets the case code and secret in the card that replaces the form (the core drops who they are).
 */
export async function fileConcern(ctx: TeamsContext, actor: Actor, data: Record<string, unknown>, options: FileConcernOptions): Promise<AdaptiveCard> {
  const form = readConcernForm(data);
  const formId = typeof data.formId === "string" && data.formId ? data.formId : randomUUID();
  const formAgain = async (extra: { errors?: Record<string, string>; problem?: string }) =>
    concernFormCard({
      formId,
      quote: options.quote?.text,
      submit: options.submit?.(formId),
      register: await ctx.core.concerns.registerChoices().catch(() => []),
      values: form,
      ...extra,
    });
  try {
    const result = await ctx.core.concerns.submit(actor, form, { submissionKey: `teams:${formId}`, quote: options.quote });
    if (!result.ok) return await formAgain({ errors: result.errors, problem: FIX_MARKED_ANSWERS });
    return result.followUp ? anonymousReceiptCard(result.concern, result.followUp, options.shownIn) : adaptiveCardOf(receiptView(result.concern));
  } catch (error) {
    return formAgain({ problem: concernFailure(error, ctx.logger, options.where) });
  }
}
