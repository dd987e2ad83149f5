import type { ModalView } from "@slack/types";
import type { Concern, ConcernMessage } from "../../../db/generated/client.js";
import { formatCredential, type FollowUpCredentials } from "../../../features/concerns/follow-up-credentials.js";
import { followUpSecretForm, followUpView, isForm } from "../../../features/concerns/conversation/follow-up-views.js";
import { CONCERN_WORDING } from "../../../features/concerns/conversation/concern-wording.js";
import { blockKitModal, mrkdwn } from "../conversation/block-kit-message.js";
import { blockKitForm } from "../conversation/block-kit-form.js";

const A = CONCERN_WORDING.anonymousReporter;

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

export const followUpSecretModal = (code: string): ModalView => blockKitForm(followUpSecretForm(code));

/** A modal's state stays out of the conversation, so code and secret ride along with the answer box. */
export function followUpModal(concern: Concern, messages: ConcernMessage[], credentials: FollowUpCredentials, notice?: string): ModalView {
  const view = followUpView(concern, messages, credentials, notice);
  return isForm(view) ? blockKitForm(view) : blockKitModal(view);
}
