import type { MessagingExtensionActionResponse } from "botbuilder";
import { ADAPTIVE_CARD_CONTENT_TYPE, type AdaptiveCard } from "../cards/adaptive-card.js";

/** Opens (or keeps open) the message action's dialog with this card. */
export function dialogCard(title: string, card: AdaptiveCard): MessagingExtensionActionResponse {
  return { task: { type: "continue", value: { title, width: "medium", height: "large", card: { contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: card } } } };
}

/** Closes the dialog, or answers instead of opening one, with a short message. */
export function dialogMessage(text: string): MessagingExtensionActionResponse {
  return { task: { type: "message", value: text } };
}
