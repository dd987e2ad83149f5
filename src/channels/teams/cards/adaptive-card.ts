import type { Attachment, CardInvokeResponse, OutgoingMessage } from "../transport/index.js";

/** Teams renders Adaptive Cards up to version 1.5 on every client (desktop, web and mobile). */
export const CARD_VERSION = "1.5";
export const ADAPTIVE_CARD_CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";

export type CardElement = Record<string, unknown>;

export interface AdaptiveCard {
  type: "AdaptiveCard";
  $schema: string;
  version: string;
  body: CardElement[];
  actions?: CardElement[];
}

export function adaptiveCard(body: CardElement[], actions: CardElement[] = []): AdaptiveCard {
  return {
    type: "AdaptiveCard",
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    version: CARD_VERSION,
    body,
    ...(actions.length > 0 ? { actions } : {}),
  };
}

export function textBlock(text: string, style: Partial<Record<"size" | "weight" | "color", string>> & { subtle?: boolean } = {}): CardElement {
  const { subtle, ...rest } = style;
  return { type: "TextBlock", text, wrap: true, ...rest, ...(subtle ? { isSubtle: true } : {}) };
}

/** An error shown right under the input it is about. */
export function errorBlock(text: string): CardElement {
  return { type: "TextBlock", text, wrap: true, color: "attention", spacing: "none", size: "small" };
}

/** A Universal Action: Teams sends an `adaptiveCard/action` invoke and shows the card the bot answers with. */
export function executeAction(title: string, verb: string, data: Record<string, unknown>, style?: "positive" | "destructive"): CardElement {
  return { type: "Action.Execute", title, verb, data, ...(style ? { style } : {}) };
}

/** A button in a dialog (task module): Teams sends the data with the inputs merged in as the dialog's submit. */
export function submitAction(title: string, data: Record<string, unknown>, style?: "positive" | "destructive"): CardElement {
  return { type: "Action.Submit", title, data, ...(style ? { style } : {}) };
}

/** A plain message in Teams markdown (**bold**, lists). */
export function markdownMessage(text: string): OutgoingMessage & { text: string } {
  return { type: "message", text, textFormat: "markdown" };
}

/** A message activity carrying one card. `summary` is what notifications and chat previews show. */
export function cardMessage(card: AdaptiveCard, summary: string): OutgoingMessage & { attachments: Attachment[] } {
  const attachment: Attachment = { contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: card };
  return { type: "message", summary, attachments: [attachment] };
}

/** The invoke answer that replaces the clicked card with `card` for the person who clicked. */
export function cardResponse(card: AdaptiveCard): CardInvokeResponse {
  return { statusCode: 200, type: ADAPTIVE_CARD_CONTENT_TYPE, value: card };
}

/** The invoke answer that leaves the card as it is and shows the person a short message. */
export function messageResponse(text: string): CardInvokeResponse {
  return { statusCode: 200, type: "application/vnd.microsoft.activity.message", value: text };
}
