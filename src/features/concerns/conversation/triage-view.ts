import type { Concern, ConcernMessage } from "../../../db/generated/client.js";
import { fields, type Message, person, section, truncate } from "../../../conversation/message.js";
import { aiSystemText, conversationBlocks, outcomeLine, reporterText } from "./concern-text.js";
import { day } from "../../../conversation/message.js";
import { categoryLabel } from "../concern-form.js";
import { isOpen, statusLabel } from "../concern-status.js";
import { triageForms } from "./triage-forms.js";
import { TRIAGE_IDS } from "./triage-ids.js";
import { CONCERN_WORDING as W } from "./concern-wording.js";

function buttons(concern: Concern): Message["actions"] {
  if (!isOpen(concern.status)) return [];
  const forms = triageForms(concern.reference);
  const ask = { label: W.askReporter, opens: forms.ask };
  if (concern.status === "received") return [{ label: W.acknowledge, action: TRIAGE_IDS.acknowledge, value: { reference: concern.reference }, style: "primary" }, ask];
  return [ask, { label: concern.assigneeId ? W.reassign : W.assign, opens: forms.assign }, { label: W.closeWithOutcome, opens: forms.close }];
}

/** The message in each triage conversation, updated in place as the concern changes in either channel. */
export function triageView(concern: Concern, messages: ConcernMessage[]): Message {
  const assignee =
    concern.assigneeId && concern.assigneeChannel ? person({ channel: concern.assigneeChannel, id: concern.assigneeId, name: concern.assigneeName }) : W.nobodyYet;
  const outcome = outcomeLine(concern);
  return {
    title: W.title(concern.reference),
    summary: W.summary(concern.reference, categoryLabel(concern.category), statusLabel(concern.status)),
    blocks: [
      fields([
        { label: W.status, value: statusLabel(concern.status) },
        { label: W.category, value: categoryLabel(concern.category) },
        { label: W.reportedBy, value: reporterText(concern) },
        { label: W.aiSystem, value: truncate(aiSystemText(concern), 300) },
        { label: W.received, value: day(concern.receivedOn) },
        concern.acknowledgedAt ? { label: W.acknowledged, value: day(concern.acknowledgedAt) } : { label: W.acknowledgeBy, value: day(concern.acknowledgeBy) },
        { label: W.resolveBy, value: day(concern.resolveBy) },
        { label: W.assignedTo, value: assignee },
      ]),
      section([truncate(concern.description, 2900)]),
      ...(concern.quotedText ? [section([{ text: W.quoted(truncate(concern.quotedText, 1500)), muted: true as const }])] : []),
      ...conversationBlocks(messages),
      ...(outcome ? [section([outcome])] : []),
    ],
    actions: buttons(concern),
  };
}

/** The reporter's answer, under the concern's triage message so triagers following it are notified. */
export function answerInThreadView(concern: Concern, body: string): Message {
  const intro = W.reporterAnswered(concern.reference);
  return { title: intro, summary: truncate(`${intro} ${body}`, 3000), blocks: [section([body])] };
}
