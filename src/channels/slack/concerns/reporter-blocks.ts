import type { KnownBlock, ModalView } from "@slack/types";
import type { Concern, ConcernMessage } from "../../../db/generated/client.js";
import type { ConcernChange } from "../../../features/concerns/concern-events.js";
import { MESSAGE_MAX } from "../../../features/concerns/concern-form.js";
import { statusLabel } from "../../../features/concerns/concern-status.js";
import { escapeMrkdwn, formatDate } from "../blocks/text.js";
import { SLACK_IDS } from "../ids.js";
import { outcomeLine } from "../../../features/concerns/conversation/concern-text.js";
import { mrkdwn } from "../conversation/block-kit-message.js";

export const ANSWER_BLOCK = "answer";
export const ANSWER_INPUT = "value";

const section = (text: string): KnownBlock => ({ type: "section", text: { type: "mrkdwn", text } });

/** DMs to a named reporter: the receipt, then each step the triagers take. */
export function reporterReceipt(concern: Concern): { text: string; blocks: KnownBlock[] } {
  const text = `Your AI concern ${concern.reference} was received`;
  return {
    text,
    blocks: [
      section(
        `${text}. The AIMS triagers will acknowledge it by ${formatDate(concern.acknowledgeBy)} and aim to resolve it by ${formatDate(concern.resolveBy)}. I will keep you posted here.`,
      ),
    ],
  };
}

export function reporterUpdate(concern: Concern, change: ConcernChange): { text: string; blocks: KnownBlock[] } | null {
  switch (change.kind) {
    case "acknowledged":
      return { text: `Your concern ${concern.reference} was acknowledged`, blocks: [section(`The AIMS triagers acknowledged your concern *${concern.reference}*.`)] };
    case "assigned":
      return { text: `Your concern ${concern.reference} is being investigated`, blocks: [section(`Your concern *${concern.reference}* is being investigated.`)] };
    case "closed": {
      const text = `Your concern ${concern.reference} was ${concern.status}`;
      return { text, blocks: [section(`Your concern *${concern.reference}* is closed. ${mrkdwn(outcomeLine(concern) ?? statusLabel(concern.status))}`)] };
    }
    case "question":
      return reporterQuestion(concern, change.message);
    case "answer":
      return null;
  }
}

function reporterQuestion(concern: Concern, message: ConcernMessage): { text: string; blocks: KnownBlock[] } {
  return {
    text: `The AIMS triagers have a question about your concern ${concern.reference}`,
    blocks: [
      section(`The AIMS triagers have a question about your concern *${concern.reference}*:\n>${escapeMrkdwn(message.body).replace(/\n/g, "\n>")}`),
      {
        type: "actions",
        block_id: `concern-answer:${concern.reference}`,
        elements: [{ type: "button", action_id: SLACK_IDS.concerns.actions.answer, text: { type: "plain_text", text: "Answer" }, value: concern.reference }],
      },
    ],
  };
}

export function answerModal(reference: string): ModalView {
  return {
    type: "modal",
    callback_id: SLACK_IDS.concerns.views.answer,
    private_metadata: reference,
    title: { type: "plain_text", text: "Answer the triagers" },
    submit: { type: "plain_text", text: "Send" },
    close: { type: "plain_text", text: "Cancel" },
    blocks: [
      section(`Concern *${reference}*`),
      {
        type: "input",
        block_id: ANSWER_BLOCK,
        label: { type: "plain_text", text: "Your answer" },
        element: { type: "plain_text_input", action_id: ANSWER_INPUT, multiline: true, max_length: MESSAGE_MAX },
      },
    ],
  };
}
