import type { Concern, ConcernMessage } from "../../../db/generated/client.js";
import { statusLabel } from "../../../features/concerns/concern-status.js";
import { textBlock, type CardElement } from "../cards/adaptive-card.js";
import { formatDate, personLabel, truncate } from "../cards/text.js";

export function aiSystemText(concern: Concern): string {
  if (!concern.aiSystemName) return "not named";
  return concern.aiSystemReference ? `${concern.aiSystemName} (${concern.aiSystemReference})` : concern.aiSystemName;
}

export function reporterText(concern: Concern): string {
  if (concern.anonymous || !concern.reporterChannel || !concern.reporterId) return "Anonymous";
  return personLabel({ channel: concern.reporterChannel, id: concern.reporterId, name: concern.reporterName });
}

export function outcomeBlocks(concern: Concern): CardElement[] {
  return concern.outcomeReason ? [textBlock(`**${statusLabel(concern.status)}:** ${truncate(concern.outcomeReason, 2000)}`)] : [];
}

/** The questions and answers so far, newest kept when there are too many to show. */
export function conversationBlocks(messages: ConcernMessage[], maxShown = 10): CardElement[] {
  const heading = textBlock("**Questions and answers**");
  if (messages.length === 0) return [heading, textBlock("_No questions yet._", { subtle: true })];
  const shown = messages.slice(-maxShown);
  const lines = shown.map((message) => {
    const who =
      message.author === "reporter"
        ? "Reporter"
        : message.authorChannel && message.authorId
          ? personLabel({ channel: message.authorChannel, id: message.authorId, name: message.authorName })
          : "Triager";
    return textBlock(`**${who}** (${formatDate(message.sentOn)}): ${truncate(message.body, 2000)}`);
  });
  const earlier = messages.length - shown.length;
  return [heading, ...(earlier > 0 ? [textBlock(`…${earlier} earlier message(s) not shown.`, { subtle: true })] : []), ...lines];
}
