import type { Concern, ConcernMessage } from "../../../db/generated/client.js";
import { categoryLabel } from "../../../features/concerns/concern-form.js";
import { statusLabel } from "../../../features/concerns/concern-status.js";
import { escapeMrkdwn, formatDate, truncate } from "../blocks/text.js";
import { mention } from "../slack-actor.js";

export function concernTitle(concern: Concern): string {
  return `${concern.reference}: ${categoryLabel(concern.category)} (${statusLabel(concern.status)})`;
}

export function aiSystemText(concern: Concern): string {
  if (!concern.aiSystemName) return "not named";
  return concern.aiSystemReference ? `${concern.aiSystemName} (${concern.aiSystemReference})` : concern.aiSystemName;
}

export function outcomeText(concern: Concern): string | null {
  if (!concern.outcomeReason) return null;
  return `*${statusLabel(concern.status)}:* ${escapeMrkdwn(concern.outcomeReason)}`;
}

/** The questions and answers so far, oldest first, as mrkdwn that fits one section. */
export function conversationText(messages: ConcernMessage[], max = 2900): string {
  if (messages.length === 0) return "_No questions yet._";
  const lines = messages.map((m) => {
    const who = m.author === "reporter" ? "Reporter" : m.authorId && m.authorChannel ? mention({ channel: m.authorChannel, id: m.authorId, name: m.authorName }) : "Triager";
    return `*${who}* (${formatDate(m.sentOn)}): ${escapeMrkdwn(m.body)}`;
  });
  let text = lines.join("\n");
  // Keep the newest lines when the conversation is too long to show in full.
  while (text.length > max && lines.length > 1) {
    lines.shift();
    text = ["…", ...lines].join("\n");
  }
  return truncate(text, max);
}
