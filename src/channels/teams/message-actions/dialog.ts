import { ADAPTIVE_CARD_CONTENT_TYPE, type AdaptiveCard } from "../cards/adaptive-card.js";
import type { MessageActionResponse } from "../transport/index.js";

/** Opens (or keeps open) the message action's dialog with this card. */
export function dialogCard(title: string, card: AdaptiveCard): MessageActionResponse {
  return { task: { type: "continue", value: { title, width: "medium", height: "large", card: { contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: card } } } };
}

/** Closes the dialog, or answers instead of opening one, with a short message. */
export function dialogMessage(text: string): MessageActionResponse {
  return { task: { type: "message", value: text } };
}
