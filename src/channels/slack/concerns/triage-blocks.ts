import type { KnownBlock, ModalView } from "@slack/types";
import type { Concern, ConcernMessage } from "../../../db/generated/client.js";
import { categoryLabel, MESSAGE_MAX } from "../../../features/concerns/concern-form.js";
import { isOpen, statusLabel } from "../../../features/concerns/concern-status.js";
import { escapeMrkdwn, formatDate, truncate } from "../blocks/text.js";
import { SLACK_IDS } from "../ids.js";
import { mention } from "../slack-actor.js";
import { aiSystemText, concernTitle, conversationText, outcomeText } from "./concern-text.js";

export const TRIAGE_INPUT = "value";
export const TRIAGE_BLOCKS = { question: "question", assignee: "assignee", outcome: "outcome", reason: "reason" } as const;

const plain = (text: string) => ({ type: "plain_text" as const, text });
const ids = SLACK_IDS.concerns.actions;

function reporterText(concern: Concern): string {
  if (concern.anonymous || !concern.reporterChannel || !concern.reporterId) return "Anonymous";
  return mention({ channel: concern.reporterChannel, id: concern.reporterId, name: concern.reporterName });
}

function buttons(concern: Concern): KnownBlock[] {
  if (!isOpen(concern.status)) return [];
  const button = (actionId: string, text: string, style?: "primary" | "danger") => ({
    type: "button" as const,
    action_id: actionId,
    text: plain(text),
    value: concern.reference,
    ...(style ? { style } : {}),
  });
  const elements =
    concern.status === "received"
      ? [button(ids.acknowledge, "Acknowledge", "primary"), button(ids.ask, "Ask the reporter")]
      : [button(ids.ask, "Ask the reporter"), button(ids.assign, concern.assigneeId ? "Reassign" : "Assign"), button(ids.close, "Close with outcome")];
  return [{ type: "actions", block_id: `concern:${concern.reference}`, elements }];
}

/** The message in the triage conversation, updated in place as the concern changes. */
export function triageMessage(concern: Concern, messages: ConcernMessage[]): { text: string; blocks: KnownBlock[] } {
  const fields = [
    `*Status*\n${statusLabel(concern.status)}`,
    `*Category*\n${categoryLabel(concern.category)}`,
    `*Reported by*\n${reporterText(concern)}`,
    `*AI system*\n${escapeMrkdwn(aiSystemText(concern))}`,
    `*Received*\n${formatDate(concern.receivedOn)}`,
    concern.acknowledgedAt ? `*Acknowledged*\n${formatDate(concern.acknowledgedAt)}` : `*Acknowledge by*\n${formatDate(concern.acknowledgeBy)}`,
    `*Resolve by*\n${formatDate(concern.resolveBy)}`,
    `*Assigned to*\n${concern.assigneeId && concern.assigneeChannel ? mention({ channel: concern.assigneeChannel, id: concern.assigneeId, name: concern.assigneeName }) : "nobody yet"}`,
  ];
  const quote: KnownBlock[] = concern.quotedText
    ? [{ type: "context", elements: [{ type: "mrkdwn", text: `Quoted message:\n>${escapeMrkdwn(truncate(concern.quotedText, 1500)).replace(/\n/g, "\n>")}` }] }]
    : [];
  const outcome = outcomeText(concern);
  return {
    text: `AI concern ${concernTitle(concern)}`,
    blocks: [
      { type: "header", text: plain(truncate(`AI concern ${concern.reference}`, 150)) },
      { type: "section", fields: fields.map((text) => ({ type: "mrkdwn" as const, text })) },
      { type: "section", text: { type: "mrkdwn", text: escapeMrkdwn(truncate(concern.description, 2900)) } },
      ...quote,
      { type: "section", text: { type: "mrkdwn", text: `*Questions and answers*\n${conversationText(messages, 2800)}` } },
      ...(outcome ? [{ type: "section" as const, text: { type: "mrkdwn" as const, text: outcome } }] : []),
      ...buttons(concern),
    ],
  };
}

function triageModal(callbackId: string, reference: string, title: string, submit: string, blocks: KnownBlock[]): ModalView {
  return {
    type: "modal",
    callback_id: callbackId,
    private_metadata: reference,
    title: plain(title),
    submit: plain(submit),
    close: plain("Cancel"),
    blocks: [{ type: "section", text: { type: "mrkdwn", text: `Concern *${reference}*` } }, ...blocks],
  };
}

const textInput = (blockId: string, label: string) => ({
  type: "input" as const,
  block_id: blockId,
  label: plain(label),
  element: { type: "plain_text_input" as const, action_id: TRIAGE_INPUT, multiline: true, max_length: MESSAGE_MAX },
});

export function questionModal(reference: string): ModalView {
  return triageModal(SLACK_IDS.concerns.views.question, reference, "Ask the reporter", "Send", [
    textInput(TRIAGE_BLOCKS.question, "Your question (the reporter sees it; anonymous reporters with their code)"),
  ]);
}

export function assignModal(reference: string): ModalView {
  return triageModal(SLACK_IDS.concerns.views.assign, reference, "Assign the concern", "Assign", [
    {
      type: "input",
      block_id: TRIAGE_BLOCKS.assignee,
      label: plain("Who investigates it?"),
      element: { type: "users_select", action_id: TRIAGE_INPUT },
    },
  ]);
}

export function closeModal(reference: string): ModalView {
  return triageModal(SLACK_IDS.concerns.views.close, reference, "Close the concern", "Close", [
    {
      type: "input",
      block_id: TRIAGE_BLOCKS.outcome,
      label: plain("Outcome"),
      element: {
        type: "radio_buttons",
        action_id: TRIAGE_INPUT,
        options: [
          { text: plain("Resolved: the concern was addressed"), value: "resolved" },
          { text: plain("Dismissed: no action needed"), value: "dismissed" },
        ],
      },
    },
    textInput(TRIAGE_BLOCKS.reason, "Reasons (the reporter sees them)"),
  ]);
}
