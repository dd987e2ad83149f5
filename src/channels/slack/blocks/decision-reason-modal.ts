import type { ModalView } from "@slack/types";
import { SLACK_IDS } from "../ids.js";

export const REASON_BLOCK = "reason";
export const REASON_ACTION = "value";

export interface DecisionReasonMetadata {
  reference: string;
  revision: number;
  outcome: "rejected" | "changes_requested";
  /** Where the button was clicked, to tell the approver the result there. */
  channelId?: string;
}

export function decisionReasonModal(metadata: DecisionReasonMetadata): ModalView {
  const rejecting = metadata.outcome === "rejected";
  return {
    type: "modal",
    callback_id: SLACK_IDS.views.decisionReason,
    private_metadata: JSON.stringify(metadata),
    title: { type: "plain_text", text: rejecting ? "Reject request" : "Request changes" },
    submit: { type: "plain_text", text: rejecting ? "Reject" : "Send" },
    close: { type: "plain_text", text: "Cancel" },
    blocks: [
      {
        type: "section",
        text: {
          type: "mrkdwn",
          text: rejecting
            ? `Rejecting *${metadata.reference}*. The requester will see your reason.`
            : `Asking for changes to *${metadata.reference}*. The requester can edit and resubmit it.`,
        },
      },
      {
        type: "input",
        block_id: REASON_BLOCK,
        label: { type: "plain_text", text: rejecting ? "Why is it rejected?" : "What should change?" },
        element: { type: "plain_text_input", action_id: REASON_ACTION, multiline: true, max_length: 1000 },
      },
    ],
  };
}
