import { randomUUID } from "node:crypto";
import type { Actor } from "../../../core/actor.js";
import { concernFailure } from "../../../features/concerns/concern-failure.js";
import type { QuotedMessage } from "../../../features/concerns/concern-service.js";
import { submitAction } from "../cards/adaptive-card.js";
import type { TeamsContext } from "../context.js";
import { dialogCard, dialogMessage } from "../message-actions/dialog.js";
import { messageOf } from "../message-actions/quoted-message.js";
import { TRIAGE_NOT_CONFIGURED } from "./concern-command.js";
import { concernFormCard } from "./concern-form-card.js";
import { fileConcern } from "./file-concern.js";
import { CONCERN_WORDING } from "../../../features/concerns/conversation/concern-wording.js";
import type { MessageAction, MessageActionResponse, TeamsTurn } from "../transport/index.js";

const TITLE = CONCERN_WORDING.form.title;

function readQuote(value: unknown): QuotedMessage | undefined {
  if (!value || typeof value !== "object") return undefined;
  const { text, authorId, conversationId, messageId } = value as Record<string, unknown>;
  if (typeof text !== "string" || !text.trim()) return undefined;
  const optional = (field: unknown) => (typeof field === "string" && field ? field : undefined);
  return { text, authorId: optional(authorId), conversationId: optional(conversationId), messageId: optional(messageId) };
}

/**
 * The concern form in a dialog, quoting the message it was started on. The dialog is seen only by the reporter, so
 * unlike the `concern` card it works from any chat or channel. Who wrote the quoted message and where is kept for
 * named concerns only (the core drops it for anonymous ones), and these invokes are never remembered
 * (unlinkable-activity.ts).
 */
export async function fetchConcernDialog(ctx: TeamsContext, turn: TeamsTurn, action: MessageAction): Promise<MessageActionResponse> {
  if (!ctx.teams.triageConversation) return dialogMessage(TRIAGE_NOT_CONFIGURED);
  const message = messageOf(action.messagePayload);
  const quote: QuotedMessage = { text: message.text, authorId: message.authorId, conversationId: turn.activity.conversation?.id, messageId: message.messageId };
  try {
    const register = await ctx.core.concerns.registerChoices();
    const formId = randomUUID();
    return dialogCard(TITLE, concernFormCard({ formId, quote: quote.text, register, submit: dialogSend(quote)(formId) }));
  } catch (error) {
    return dialogMessage(concernFailure(error, ctx.logger, "teams concern message action"));
  }
}

export async function submitConcernDialog(ctx: TeamsContext, actor: Actor, action: MessageAction): Promise<MessageActionResponse> {
  const data = (action.data ?? {}) as Record<string, unknown>;
  const quote = readQuote(data.quote);
  return dialogCard(TITLE, await fileConcern(ctx, actor, data, { where: "teams concern message action", shownIn: "dialog", quote, submit: dialogSend(quote) }));
}

/** In a dialog Send is an Action.Submit, carrying the form's key and the quote. */
const dialogSend = (quote?: QuotedMessage) => (formId: string) => submitAction(CONCERN_WORDING.form.submit, { formId, ...(quote ? { quote } : {}) }, "positive");
