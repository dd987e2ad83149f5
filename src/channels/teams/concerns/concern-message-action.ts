import { FIX_MARKED_ANSWERS } from "../../../conversation/reply.js";
import { randomUUID } from "node:crypto";
import type { Actor } from "../../../core/actor.js";
import { concernFailure } from "../../../features/concerns/concern-failure.js";
import type { QuotedMessage } from "../../../features/concerns/concern-service.js";
import { submitAction } from "../cards/adaptive-card.js";
import type { TeamsContext } from "../context.js";
import { dialogCard, dialogMessage } from "../message-actions/dialog.js";
import { messageOf } from "../message-actions/quoted-message.js";
import { TRIAGE_NOT_CONFIGURED } from "./concern-command.js";
import { concernFormCard, readConcernForm } from "./concern-form-card.js";
import { receiptView } from "../../../features/concerns/conversation/reporter-views.js";
import { adaptiveCardOf } from "../conversation/adaptive-card-message.js";
import { CONCERN_WORDING } from "../../../features/concerns/conversation/concern-wording.js";
import { anonymousReceiptCard } from "./reporter-cards.js";
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
    return dialogCard(TITLE, dialogForm({ formId: randomUUID(), quote, register }));
  } catch (error) {
    return dialogMessage(concernFailure(error, ctx.logger, "teams concern message action"));
  }
}

export async function submitConcernDialog(ctx: TeamsContext, actor: Actor, action: MessageAction): Promise<MessageActionResponse> {
  const data = (action.data ?? {}) as Record<string, unknown>;
  const form = readConcernForm(data);
  const quote = readQuote(data.quote);
  const formId = typeof data.formId === "string" && data.formId ? data.formId : randomUUID();
  const formAgain = async (extra: { errors?: Record<string, string>; problem?: string }) =>
    dialogCard(TITLE, dialogForm({ formId, quote, register: await ctx.core.concerns.registerChoices().catch(() => []), values: form, ...extra }));
  try {
    const result = await ctx.core.concerns.submit(actor, form, { submissionKey: `teams:${formId}`, quote });
    if (!result.ok) return await formAgain({ errors: result.errors, problem: FIX_MARKED_ANSWERS });
    return dialogCard(TITLE, result.followUp ? anonymousReceiptCard(result.concern, result.followUp, "dialog") : adaptiveCardOf(receiptView(result.concern)));
  } catch (error) {
    return formAgain({ problem: concernFailure(error, ctx.logger, "teams concern message action") });
  }
}

function dialogForm(options: Omit<Parameters<typeof concernFormCard>[0], "submit" | "quote"> & { quote?: QuotedMessage }) {
  const { quote, ...rest } = options;
  return concernFormCard({ ...rest, quote: quote?.text, submit: submitAction("Send", { formId: options.formId, ...(quote ? { quote } : {}) }, "positive") });
}
