import type { ModalView } from "@slack/types";
import { REQUEST_WORDING as W } from "../../../features/requests/conversation/request-wording.js";
import { validityFields } from "../../../features/requests/conversation/approval-validity-fields.js";
import { blockKitInputs } from "../conversation/block-kit-form.js";
import { mrkdwn } from "../conversation/block-kit-message.js";
import { SLACK_IDS } from "../ids.js";

export const REASON_BLOCK = "reason";
export const REASON_ACTION = "value";

export interface DecisionReasonMetadata {
  reference: string;
  revision: number;
  /** The stage the button was for, when the request has several. */
  stageId?: string;
  /** "approved": the approver writes the conditions of the approval. */
  outcome: "approved" | "rejected" | "changes_requested";
  /** Where the button was clicked, to tell the approver the result there. */
  channelId?: string;
}

export function decisionReasonModal(metadata: DecisionReasonMetadata): ModalView {
  const words = W.reasonForm[metadata.outcome];
  const approving = metadata.outcome === "approved";
  const intro =
    metadata.outcome === "approved" ? W.approvingWithConditions(metadata.reference) : metadata.outcome === "rejected" ? W.rejecting(metadata.reference) : W.askingChanges(metadata.reference);
  return {
    type: "modal",
    callback_id: SLACK_IDS.views.decisionReason,
    private_metadata: JSON.stringify(metadata),
    title: { type: "plain_text", text: words.title },
    submit: { type: "plain_text", text: words.submit },
    close: { type: "plain_text", text: W.cancel },
    blocks: [
      { type: "section", text: { type: "mrkdwn", text: mrkdwn(intro) } },
      {
        type: "input",
        block_id: REASON_BLOCK,
        // Approving, the conditions may stay empty when an end is set below; the submission checks one is given.
        optional: approving,
        label: { type: "plain_text", text: approving ? W.conditionsOptional : words.label },
        element: { type: "plain_text_input", action_id: REASON_ACTION, multiline: true, max_length: 1000 },
      },
      ...(approving ? blockKitInputs(validityFields()) : []),
    ],
  };
}
