import { followUpRefusal } from "../../../features/concerns/concern-follow-up.js";
import { normalizeCredential } from "../../../features/concerns/follow-up-credentials.js";
import type { CardActionHandler } from "../actions/card-action.js";
import { cardResponse, messageResponse } from "../cards/adaptive-card.js";
import { concernFailure } from "../../../features/concerns/concern-failure.js";
import { CONCERN_WORDING } from "../../../features/concerns/conversation/concern-wording.js";
import { readText } from "../cards/card-inputs.js";
import { PERSONAL_CHAT_ONLY } from "./concern-command.js";
import { fileConcern } from "./file-concern.js";
import {
  followUpCard,
  followUpSecretCard,
  hiddenReceiptCard,
} from "./reporter-cards.js";

const isPersonal = (turn: Parameters<CardActionHandler>[0]["turn"]) => turn.activity.conversation?.conversationType === "personal";

/** The concern form's Send, in a personal chat only. */
export const submitConcern: CardActionHandler = async ({ ctx, turn, actor, data }) => {
  if (!isPersonal(turn)) return messageResponse(PERSONAL_CHAT_ONLY);
  return cardResponse(await fileConcern(ctx, actor, data, { where: "teams concern submission", shownIn: "chat" }));
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
