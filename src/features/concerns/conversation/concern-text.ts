import type { Concern, ConcernMessage } from "../../../db/generated/client.js";
import { type Block, day, fields, person, section, truncate } from "../../../conversation/message.js";
import { isOpen, statusLabel } from "../concern-status.js";
import { CONCERN_WORDING as W } from "./concern-wording.js";

/** Questions and answers shown: the newest, so the message stays inside Slack's 50 blocks and a Teams card's 28 KB. */
const SHOWN_MESSAGES = 8;
const MESSAGE_SHOWN = 1500;


export function aiSystemText(concern: Concern): string {
  if (!concern.aiSystemName) return W.aiSystemNotNamed;
  return concern.aiSystemReference ? `${concern.aiSystemName} (${concern.aiSystemReference})` : concern.aiSystemName;
}

/** Anonymous reporters stay anonymous: nothing but the word. */
export function reporterText(concern: Concern): string {
  if (concern.anonymous || !concern.reporterChannel || !concern.reporterId) return W.anonymous;
  return person({ channel: concern.reporterChannel, id: concern.reporterId, name: concern.reporterName });
}

export function outcomeLine(concern: Concern): string | null {
  return concern.outcomeReason ? W.outcome(statusLabel(concern.status), truncate(concern.outcomeReason, 2000)) : null;
}

/** The questions and answers so far, oldest first, the newest kept when there are too many to show. */
export function conversationBlocks(messages: ConcernMessage[]): Block[] {
  if (messages.length === 0) return [section([W.questionsAndAnswers, W.noQuestionsYet])];
  const shown = messages.slice(-SHOWN_MESSAGES);
  const earlier = messages.length - shown.length;
  const said = shown.map((message) => {
    const who =
      message.author === "reporter"
        ? W.reporter
        : message.authorChannel && message.authorId
          ? person({ channel: message.authorChannel, id: message.authorId, name: message.authorName })
          : W.triager;
    return section([W.said(who, day(message.sentOn), truncate(message.body, MESSAGE_SHOWN))]);
  });
  return [section([W.questionsAndAnswers, ...(earlier > 0 ? [W.earlierNotShown(earlier)] : [])]), ...said];
}

/** Where a concern stands, as its reporter sees it: status, dates, outcome and the questions and answers. */
export function concernStatusBlocks(concern: Concern, messages: ConcernMessage[]): Block[] {
  const outcome = outcomeLine(concern);
  return [
    fields([
      { label: W.status, value: statusLabel(concern.status) },
      { label: W.received, value: day(concern.receivedOn) },
      ...(isOpen(concern.status) ? [{ label: W.resolutionExpectedBy, value: day(concern.resolveBy) }] : []),
    ]),
    ...(outcome ? [section([outcome])] : []),
    ...conversationBlocks(messages),
  ];
}
