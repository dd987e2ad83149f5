import { ASSESSMENT_WORDING } from "../../../features/assessments/conversation/assessment-wording.js";
import type { ModalView } from "@slack/types";
import { ASSESSMENT_IDS } from "./ids.js";

export const COMMENTS_ACTION = "value";
export const COMMENTS_BLOCK = "comments";

export function sendBackModal(target: { reference: string; round: number }): ModalView {
  return {
    type: "modal",
    callback_id: ASSESSMENT_IDS.views.sendBack,
    private_metadata: JSON.stringify(target),
    title: { type: "plain_text", text: ASSESSMENT_WORDING.signOff.sendBack },
    submit: { type: "plain_text", text: ASSESSMENT_WORDING.signOff.sendBack },
    close: { type: "plain_text", text: "Cancel" },
    blocks: [
      { type: "section", text: { type: "mrkdwn", text: `Sending *${target.reference}* back to the assessor. They will see your comments.` } },
      {
        type: "input",
        block_id: COMMENTS_BLOCK,
        label: { type: "plain_text", text: ASSESSMENT_WORDING.signOff.whatShouldChange },
        element: { type: "plain_text_input", action_id: COMMENTS_ACTION, multiline: true, max_length: 2000 },
      },
    ],
  };
}
