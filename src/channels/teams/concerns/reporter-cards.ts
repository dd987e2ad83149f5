import type { Concern, ConcernMessage } from "../../../db/generated/client.js";
import { MESSAGE_MAX } from "../../../features/concerns/concern-form.js";
import { isOpen } from "../../../features/concerns/concern-status.js";
import { formatCredential, type FollowUpCredentials } from "../../../features/concerns/follow-up-credentials.js";
import { adaptiveCard, executeAction, textBlock, type AdaptiveCard, type CardElement } from "../cards/adaptive-card.js";
import { textInput } from "../cards/card-inputs.js";
import { concernStatusBlocks } from "../../../features/concerns/conversation/concern-text.js";
import { cardElements, teamsText } from "../conversation/adaptive-card-message.js";
import { CONCERN_WORDING } from "../../../features/concerns/conversation/concern-wording.js";
import { CONCERN_VERBS } from "./concern-verbs.js";

const A = CONCERN_WORDING.anonymousReporter;

export const FOLLOW_UP_INPUTS = { secret: "secret", answer: "answer" } as const;

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

const secretInput = (error?: string) =>
  textInput(FOLLOW_UP_INPUTS.secret, { label: A.secret, style: "Password", maxLength: 64, required: true, error });

/** `concern follow-up <code>`: asks for the secret. The code rides in the button; the secret is typed each time. */
export function followUpSecretCard(code: string, problem?: string): AdaptiveCard {
  return adaptiveCard(
    [
      textBlock(A.followUpTitle, { size: "medium", weight: "bolder" }),
      textBlock(A.enterSecret(formatCredential(code))),
      ...secretInput(problem),
    ],
    [executeAction(A.open, CONCERN_VERBS.followUpOpen, { code }, "positive")],
  );
}

/**
 * Status and conversation for an anonymous reporter; while open, a box to answer. The secret is asked for again
 * with the answer rather than kept in the card, so the chat never holds it.
 */
export function followUpCard(concern: Concern, messages: ConcernMessage[], code: string, notice?: string): AdaptiveCard {
  const open = isOpen(concern.status);
  const body: CardElement[] = [
    textBlock(A.concernTitle(concern.reference), { size: "medium", weight: "bolder" }),
    ...(notice ? [textBlock(notice, { color: "good" })] : []),
    ...cardElements(concernStatusBlocks(concern, messages)),
  ];
  if (!open) return adaptiveCard(body);
  return adaptiveCard(
    [...body, ...textInput(FOLLOW_UP_INPUTS.answer, { label: A.answerLabel, multiline: true, maxLength: MESSAGE_MAX }), ...secretInput()],
    [executeAction(A.sendAnswer, CONCERN_VERBS.followUpAnswer, { code }, "positive")],
  );
}
