import type { Concern, ConcernMessage } from "../../../db/generated/client.js";
import { formatCredential, type FollowUpCredentials } from "../../../features/concerns/follow-up-credentials.js";
import { adaptiveCard, executeAction, textBlock, type AdaptiveCard } from "../cards/adaptive-card.js";
import { followUpSecretForm, followUpView, isForm } from "../../../features/concerns/conversation/follow-up-views.js";
import { adaptiveCardOf, teamsText } from "../conversation/adaptive-card-message.js";
import { adaptiveCardForm } from "../conversation/adaptive-card-form.js";
import { CONCERN_WORDING } from "../../../features/concerns/conversation/concern-wording.js";
import { CONCERN_VERBS } from "./concern-verbs.js";

const A = CONCERN_WORDING.anonymousReporter;

/**
 * Replaces the form for an anonymous reporter, once: the case code and the secret. It is the answer to their click,
 * never a message the bot sends, and it can be hidden from the chat once written down.
 */
export function anonymousReceiptCard(concern: Concern, credentials: FollowUpCredentials, shownIn: "chat" | "dialog" = "chat"): AdaptiveCard {
  const code = formatCredential(credentials.code);
  return adaptiveCard(
    [
      textBlock(A.thanks(concern.reference)),
      { type: "FactSet", facts: [{ title: A.caseCode, value: code }, { title: A.secret, value: formatCredential(credentials.secret) }] },
      textBlock(
        `${teamsText(A.writeDown(code))} ${shownIn === "chat" ? A.staysInChat : A.goneWhenClosed}`,
        { subtle: true },
      ),
    ],
    shownIn === "chat" ? [executeAction(A.hideReceipt, CONCERN_VERBS.hideReceipt, {})] : [],
  );
}

export function hiddenReceiptCard(): AdaptiveCard {
  return adaptiveCard([textBlock(A.receiptHidden)]);
}

/** `concern follow-up <code>`: asks for the secret; a refusal shows above it. */
export const followUpSecretCard = (code: string, problem?: string): AdaptiveCard => adaptiveCardForm(followUpSecretForm(code), {}, problem);

/** The card stays in the chat, so the secret is asked for again with each answer rather than kept in it. */
export function followUpCard(concern: Concern, messages: ConcernMessage[], code: string, notice?: string): AdaptiveCard {
  const view = followUpView(concern, messages, { code }, notice);
  return isForm(view) ? adaptiveCardForm(view) : adaptiveCardOf(view);
}
