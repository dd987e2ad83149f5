import type { Concern } from "../../../db/generated/client.js";
import type { Form } from "../../../conversation/form.js";
import { type Message, section, truncate } from "../../../conversation/message.js";
import type { ConcernChange } from "../concern-events.js";
import { MESSAGE_MAX } from "../concern-form.js";
import { statusLabel } from "../concern-status.js";
import { outcomeLine } from "./concern-text.js";
import { day } from "../../../conversation/message.js";
import { CONCERN_WORDING as W } from "./concern-wording.js";

/** The form ids of the named reporter's side (the Teams verb "concern.answer" and the Slack callback id). */
export const REPORTER_IDS = { answer: "concern.answer" } as const;

const say = (reference: string, summary: string, lines: string[], actions: Message["actions"] = []): Message => ({
  title: W.receivedTitle(reference),
  summary,
  blocks: [section(lines)],
  actions,
});

/** The named reporter answers a question; the core checks it really is them. */
export function answerForm(reference: string): Form {
  return {
    id: REPORTER_IDS.answer,
    title: W.answerForm.title,
    submit: W.answerForm.submit,
    cancel: { label: W.cancel },
    intro: [section([W.concernLine(reference)])],
    state: { reference },
    fields: [{ kind: "text", id: "answer", label: W.answerForm.label, multiline: true, maxLength: MESSAGE_MAX }],
  };
}

/** What a named reporter is told when their concern arrives. Anonymous reporters are never messaged. */
export function receiptView(concern: Concern): Message {
  return say(concern.reference, W.receivedSummary(concern.reference), [W.receivedBody(concern.reference, day(concern.acknowledgeBy), day(concern.resolveBy))]);
}

/** What a named reporter is told at each step the triagers take; nothing for their own answers. */
export function reporterUpdateView(concern: Concern, change: ConcernChange): Message | null {
  const { reference } = concern;
  switch (change.kind) {
    case "acknowledged":
      return say(reference, W.acknowledgedSummary(reference), [W.acknowledgedBody(reference)]);
    case "assigned":
      return say(reference, W.investigatingSummary(reference), [W.investigating(reference)]);
    case "closed":
      return say(reference, W.closedSummary(reference, concern.status), [W.closed(reference), outcomeLine(concern) ?? statusLabel(concern.status)]);
    case "question":
      return say(reference, W.questionSummary(reference), [W.question(reference), W.quotedQuestion(truncate(change.message.body, 2000))], [
        { label: W.answerButton, opens: answerForm(reference), style: "primary" },
      ]);
    case "answer":
      return null;
  }
}
