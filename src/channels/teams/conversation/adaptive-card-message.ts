import { type Block, type Button, type Line, type Message, lineText } from "../../../conversation/message.js";
import { adaptiveCard, executeAction, textBlock, type AdaptiveCard, type CardElement } from "../cards/adaptive-card.js";

/** A button as a Universal Action: its verb is the action, its data the value. */
export const cardButton = (button: Button): CardElement =>
  executeAction(button.label, button.action, button.value ?? {}, button.style === "primary" ? "positive" : button.style === "danger" ? "destructive" : undefined);

const actionSet = (buttons: Button[]): CardElement => ({ type: "ActionSet", actions: buttons.map(cardButton) });

const lineBlock = (line: Line, tone: "good" | "warning" | undefined): CardElement =>
  typeof line === "string"
    ? textBlock(line, tone ? { color: tone === "good" ? "good" : "attention" } : {})
    : textBlock(lineText(line), { subtle: true, size: "small" });

function cardElement(block: Block): CardElement {
  switch (block.kind) {
      case "section":
        return {
          type: "Container",
          ...(block.id ? { id: block.id } : {}),
          items: [...block.lines.map((line) => lineBlock(line, block.tone)), ...(block.button ? [actionSet([block.button])] : [])],
        };
      case "heading":
        return textBlock(block.text, { size: "medium", weight: "bolder" });
      case "fields":
        return { type: "FactSet", facts: block.fields.map(({ label, value }) => ({ title: label, value })) };
      case "context":
        return textBlock(block.text, { subtle: true, size: "small" });
      case "actions":
        return actionSet(block.buttons);
      case "divider":
        return { type: "Container", separator: true, items: [] };
    }
}

export const cardElements = (blocks: Block[]): CardElement[] => blocks.map(cardElement);

/** Sections after the first are set apart by a line, as Teams shows groups in a card. */
const separated = (elements: CardElement[]) => elements.map((element, index) => (index > 0 && element.type === "Container" ? { ...element, separator: true } : element));

export function adaptiveCardOf(message: Message): AdaptiveCard {
  return adaptiveCard(
    [textBlock(message.title, { size: "large", weight: "bolder" }), ...separated(cardElements(message.blocks))],
    (message.actions ?? []).map(cardButton),
  );
}
