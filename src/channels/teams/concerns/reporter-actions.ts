import { FIX_MARKED_ANSWERS } from "../../../conversation/reply.js";
import { randomUUID } from "node:crypto";
import { followUpRefusal } from "../../../features/concerns/concern-follow-up.js";
import { normalizeCredential } from "../../../features/concerns/follow-up-credentials.js";
import type { CardActionHandler } from "../actions/card-action.js";
import { cardResponse, messageResponse } from "../cards/adaptive-card.js";
import { receiptView } from "../../../features/concerns/conversation/reporter-views.js";
import { adaptiveCardOf } from "../conversation/adaptive-card-message.js";
import { concernFailure } from "../../../features/concerns/concern-failure.js";
import { CONCERN_WORDING } from "../../../features/concerns/conversation/concern-wording.js";
import { readText } from "../cards/card-inputs.js";
import { concernFormCard, readConcernForm } from "./concern-form-card.js";
import { PERSONAL_CHAT_ONLY } from "./concern-command.js";
import {
  anonymousReceiptCard,
  followUpCard,
  followUpSecretCard,
  hiddenReceiptCard,
} from "./reporter-cards.js";

const isPersonal = (turn: Parameters<CardActionHandler>[0]["turn"]) => turn.activity.conversation?.conversationType === "personal";

/**
 * The concern form's Send. Invalid input comes back as the form with the errors and what was typed. An anonymous
 * reporter gets the case code and secret in the card that replaces the form; the core drops who they are.
 */
export const submitConcern: CardActionHandler = async ({ ctx, turn, actor, data }) => {
  if (!isPersonal(turn)) return messageResponse(PERSONAL_CHAT_ONLY);
  const form = readConcernForm(data);
  const formId = typeof data.formId === "string" && data.formId ? data.formId : randomUUID();
  const formAgain = async (extra: { errors?: Record<string, string>; problem?: string }) =>
    cardResponse(concernFormCard({ formId, register: await ctx.core.concerns.registerChoices().catch(() => []), values: form, ...extra }));
  try {
    const result = await ctx.core.concerns.submit(actor, form, { submissionKey: `teams:${formId}` });
    if (!result.ok) return await formAgain({ errors: result.errors, problem: FIX_MARKED_ANSWERS });
    return cardResponse(result.followUp ? anonymousReceiptCard(result.concern, result.followUp) : adaptiveCardOf(receiptView(result.concern)));
  } catch (error) {
    return formAgain({ problem: concernFailure(error, ctx.logger, "teams concern submission") });
  }
};

export const hideReceipt: CardActionHandler = async () => cardResponse(hiddenReceiptCard());

const codeOf = (data: Record<string, unknown>) => normalizeCredential(String(data.code ?? ""));

/** The secret for a case code: right, the status and conversation; wrong or unknown, the same words either way. */
export const openFollowUp: CardActionHandler = async ({ ctx, data }) => {
  const code = codeOf(data);
  try {
    const result = await ctx.core.concerns.followUp.open(code, readText(data, "secret") ?? "");
    if (result.kind !== "ok") return cardResponse(followUpSecretCard(code, followUpRefusal(result)));
    return cardResponse(followUpCard(result.concern, result.messages, code));
  } catch (error) {
    return cardResponse(followUpSecretCard(code, concernFailure(error, ctx.logger, "teams concern follow-up")));
  }
};

/** An anonymous answer to the triagers, proven again by code and secret. */
export const answerAnonymously: CardActionHandler = async ({ ctx, data }) => {
  const code = codeOf(data);
  try {
    const result = await ctx.core.concerns.followUp.answer(code, readText(data, "secret") ?? "", readText(data, "answer"));
    if (result.kind !== "ok") return messageResponse(followUpRefusal(result));
    return cardResponse(followUpCard(result.concern, result.messages, code, CONCERN_WORDING.anonymousReporter.answerSent));
  } catch (error) {
    return messageResponse(concernFailure(error, ctx.logger, "teams concern answer"));
  }
};
