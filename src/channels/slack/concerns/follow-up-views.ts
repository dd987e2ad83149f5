import type { ModalView } from "@slack/types";
import type { Concern, ConcernMessage } from "../../../db/generated/client.js";
import { MESSAGE_MAX } from "../../../features/concerns/concern-form.js";
import { isOpen, } from "../../../features/concerns/concern-status.js";
import { formatCredential, type FollowUpCredentials } from "../../../features/concerns/follow-up-credentials.js";
import { SLACK_IDS } from "../ids.js";
import { concernStatusBlocks } from "../../../features/concerns/conversation/concern-text.js";
import { CONCERN_WORDING } from "../../../features/concerns/conversation/concern-wording.js";
import { blockKitBlocks, mrkdwn } from "../conversation/block-kit-message.js";

const A = CONCERN_WORDING.anonymousReporter;
const { cancel } = CONCERN_WORDING;

export const SECRET_BLOCK = "secret";
export const ANSWER_BLOCK = "answer";
export const INPUT = "value";

const plain = (text: string) => ({ type: "plain_text" as const, text });

/**
 * Shown once, in place of the form, to an anonymous reporter: a modal update leaves no message behind and goes to
 * no DM channel that would tie them to the report.
 */
export function anonymousReceiptView(concern: Concern, credentials: FollowUpCredentials): ModalView {
  return {
    type: "modal",
    title: plain(A.receiptTitle),
    close: plain(A.done),
    blocks: [
      { type: "section", text: { type: "mrkdwn", text: mrkdwn(A.thanks(concern.reference)) } },
      {
        type: "section",
        fields: [
          { type: "mrkdwn", text: `*${A.caseCode}*\n\`${formatCredential(credentials.code)}\`` },
          { type: "mrkdwn", text: `*${A.secret}*\n\`${formatCredential(credentials.secret)}\`` },
        ],
      },
      { type: "context", elements: [{ type: "mrkdwn", text: mrkdwn(A.writeDown(formatCredential(credentials.code))) }] },
    ],
  };
}

export function followUpSecretModal(code: string): ModalView {
  return {
    type: "modal",
    callback_id: SLACK_IDS.concerns.views.followUpSecret,
    private_metadata: JSON.stringify({ code }),
    title: plain(A.followUpTitle),
    submit: plain(A.open),
    close: plain(cancel),
    blocks: [
      { type: "section", text: { type: "mrkdwn", text: mrkdwn(A.enterSecret(formatCredential(code))) } },
      { type: "input", block_id: SECRET_BLOCK, label: plain(A.secret), element: { type: "plain_text_input", action_id: INPUT, max_length: 64 } },
    ],
  };
}

/** Status and conversation for an anonymous reporter; while open, a box to answer. Code and secret ride along. */
export function followUpView(concern: Concern, messages: ConcernMessage[], credentials: FollowUpCredentials, notice?: string): ModalView {
  const open = isOpen(concern.status);
  return {
    type: "modal",
    callback_id: SLACK_IDS.concerns.views.followUpAnswer,
    private_metadata: JSON.stringify(credentials),
    title: plain(A.concernTitle(concern.reference)),
    ...(open ? { submit: plain(A.sendAnswer) } : {}),
    close: plain(A.close),
    blocks: [
      ...(notice ? [{ type: "context" as const, elements: [{ type: "mrkdwn" as const, text: notice }] }] : []),
      ...blockKitBlocks(concernStatusBlocks(concern, messages)),
      ...(open
        ? [
            {
              type: "input" as const,
              block_id: ANSWER_BLOCK,
              optional: true,
              label: plain(A.answerLabel),
              element: { type: "plain_text_input" as const, action_id: INPUT, multiline: true, max_length: MESSAGE_MAX },
            },
          ]
        : []),
    ],
  };
}
