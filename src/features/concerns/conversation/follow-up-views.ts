import type { Concern, ConcernMessage } from "../../../db/generated/client.js";
import type { Field, Form } from "../../../conversation/form.js";
import { type Message, section } from "../../../conversation/message.js";
import { MESSAGE_MAX } from "../concern-form.js";
import { isOpen } from "../concern-status.js";
import { formatCredential } from "../follow-up-credentials.js";
import { concernStatusBlocks } from "./concern-text.js";
import { CONCERN_WORDING } from "./concern-wording.js";

const A = CONCERN_WORDING.anonymousReporter;

/**
 * The anonymous reporter's follow-up forms: Slack callback ids and Teams verbs. Each channel handles them itself,
 * with its anonymity guards (nothing logged, nothing remembered about who sent them).
 */
export const FOLLOW_UP_IDS = { open: "concern.followup.open", answer: "concern.followup.answer" } as const;

const secretField: Field = { kind: "text", id: "secret", label: A.secret, maxLength: 64, concealed: true };

/** `concern follow-up <code>` asks for the secret; the code travels with the form. */
export function followUpSecretForm(code: string): Form {
  return {
    id: FOLLOW_UP_IDS.open,
    title: A.followUpTitle,
    submit: A.open,
    cancel: { label: CONCERN_WORDING.cancel },
    intro: [section([A.enterSecret(formatCredential(code))])],
    state: { code },
    fields: [secretField],
  };
}

/**
 * Status and conversation for an anonymous reporter; while open, a box to answer. The secret travels with the
 * form when the chat keeps the form's state out of the conversation (a Slack modal); otherwise (a Teams card, which
 * stays in the chat) it is asked for again with each answer.
 */
export function followUpView(concern: Concern, messages: ConcernMessage[], credentials: { code: string; secret?: string }, notice?: string): Form | Message {
  const title = A.concernTitle(concern.reference);
  const blocks = [...(notice ? [section([notice], { tone: "good" })] : []), ...concernStatusBlocks(concern, messages)];
  if (!isOpen(concern.status)) return { title, summary: title, blocks };
  const answer: Field = { kind: "text", id: "answer", label: A.answerLabel, multiline: true, maxLength: MESSAGE_MAX, optional: true };
  return {
    id: FOLLOW_UP_IDS.answer,
    title,
    submit: A.sendAnswer,
    cancel: { label: A.close },
    intro: blocks,
    state: credentials.secret ? { code: credentials.code, secret: credentials.secret } : { code: credentials.code },
    fields: credentials.secret ? [answer] : [answer, secretField],
  };
}

export const isForm = (view: Form | Message): view is Form => "fields" in view;
