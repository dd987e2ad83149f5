import type { FieldErrors } from "../../../conversation/form.js";
import { type Block, type Button, type Line, type Message, lineText, showCommands, showMoments, showPeople, showRooms, utcMoment } from "../../../conversation/message.js";
import { CHANNEL_NAMES } from "../../../core/actor.js";
import { personLabel } from "../cards/text.js";
import { cardInputs } from "./adaptive-card-inputs.js";
import { adaptiveCard, executeAction, textBlock, type AdaptiveCard, type CardElement } from "../cards/adaptive-card.js";

const styleOf = (button: Button) => (button.style === "primary" ? "positive" : button.style === "danger" ? "destructive" : undefined);

/**
 * A button as a Universal Action: its verb is the action, its data the value. A button that opens a form unfolds
 * it in the card (Action.ShowCard), its submit sending the form's state with the inputs.
 */
export function cardButton(button: Button): CardElement {
  if ("action" in button) return executeAction(button.label, button.action, button.value ?? {}, styleOf(button));
  const { opens: form } = button;
  const submit = executeAction(form.submit, form.id, form.state ?? {}, "positive");
  return { type: "Action.ShowCard", title: button.label, card: { type: "AdaptiveCard", body: cardInputs(form.fields), actions: [submit] } };
}

/**
 * Teams markdown is the neutral markdown; people and rooms are named with their chat when it is not Teams; moments
 * in UTC; commands as the words to send.
 */
export const teamsText = (text: string) =>
  showCommands(
    showMoments(
      showRooms(showPeople(text, personLabel), (where) => (where.channel === "teams" ? where.name : `#${where.name} (${CHANNEL_NAMES[where.channel]})`)),
      utcMoment,
    ),
    (words) => `**${words}**`,
  );

const actionSet = (buttons: Button[]): CardElement => ({ type: "ActionSet", actions: buttons.map(cardButton) });

const lineBlock = (line: Line, tone: "good" | "warning" | undefined): CardElement =>
  typeof line === "string"
    ? textBlock(teamsText(line), tone ? { color: tone === "good" ? "good" : "attention" } : {})
    : textBlock(teamsText(lineText(line)), { subtle: true, size: "small" });

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
        return { type: "FactSet", facts: block.fields.map(({ label, value }) => ({ title: label, value: teamsText(value) })) };
      case "context":
        return textBlock(teamsText(block.text), { subtle: true, size: "small" });
      case "actions":
        return actionSet(block.buttons);
      case "divider":
        return { type: "Container", separator: true, items: [] };
    }
}

export const cardElements = (blocks: Block[]): CardElement[] => blocks.map(cardElement);

/** Sections after the first are set apart by a line, as Teams shows groups in a card. */
const separated = (elements: CardElement[]) => elements.map((element, index) => (index > 0 && element.type === "Container" ? { ...element, separator: true } : element));

/** The message as a card; its `inputs` under the content (with `errors` under their boxes), sent along with every button. */
export function adaptiveCardOf(message: Message, errors: FieldErrors = {}): AdaptiveCard {
  return adaptiveCard(
    [textBlock(message.title, { size: "large", weight: "bolder" }), ...separated(cardElements(message.blocks)), ...cardInputs(message.inputs ?? [], errors)],
    (message.actions ?? []).map(cardButton),
  );
}
