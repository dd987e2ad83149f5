import type { ActionsBlock, Button as SlackButton, KnownBlock, ModalView } from "@slack/types";
import { type Block, type Button, type Message, lineText, showCommands, showMoments, showPeople, showRooms } from "../../../conversation/message.js";
import { slackDate } from "../blocks/text.js";
import { mention } from "../slack-actor.js";

/**
 * Slack's mrkdwn: the three control characters escaped, `**bold**` as `*bold*` (`_italic_` is the same), `[text](url)` as a link, people and
 * channels as links, moments in each reader's own timezone, commands as `/aims …`.
 */
export function mrkdwn(text: string): string {
  const escaped = text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\*\*(.+?)\*\*/gs, "*$1*");
  const linked = escaped.replace(/\[([^\]\n]+)\]\((https?:\/\/[^)\s]+)\)/g, "<$2|$1>");
  const named = showRooms(showPeople(linked, mention), (where) => (where.channel === "slack" ? `<#${where.id}>` : `#${where.name}`));
  return showCommands(showMoments(named, slackDate), (words) => `\`/aims ${words}\``);
}

const plain = (text: string, max: number) => ({ type: "plain_text" as const, text: text.length <= max ? text : `${text.slice(0, max - 1)}…` });

/**
 * A button's value travels as JSON in the button's value (at most 2,000 characters). A button that opens a form
 * carries the form's id as its action and the form's state as its value; the click opens the form in a modal.
 */
export function slackButton(button: Button): SlackButton {
  const [action, value] = "action" in button ? [button.action, button.value] : [button.opens.id, button.opens.state];
  return {
    type: "button",
    action_id: action,
    text: plain(button.label, 75),
    ...(value ? { value: JSON.stringify(value) } : {}),
    ...(button.style ? { style: button.style } : {}),
  };
}

const actionsBlock = (buttons: Button[]): ActionsBlock => ({ type: "actions", elements: buttons.map(slackButton) });

function blockKitBlock(block: Block): KnownBlock {
  switch (block.kind) {
      case "section":
        return {
          type: "section",
          ...(block.id ? { block_id: block.id } : {}),
          text: { type: "mrkdwn", text: mrkdwn(block.lines.map(lineText).join("\n")) },
          ...(block.button ? { accessory: slackButton(block.button) } : {}),
        };
      case "heading":
        return { type: "header", text: plain(block.text, 150) };
      case "fields":
        return { type: "section", fields: block.fields.map(({ label, value }) => ({ type: "mrkdwn", text: mrkdwn(`**${label}**\n${value}`) })) };
      case "context":
        return { type: "context", elements: [{ type: "mrkdwn", text: mrkdwn(block.text) }] };
      case "actions":
        return actionsBlock(block.buttons);
      case "divider":
        return { type: "divider" };
    }
}

export const blockKitBlocks = (blocks: Block[]): KnownBlock[] => blocks.map(blockKitBlock);

/** A message in a chat: the title as a header above the content and the buttons under it. */
export function blockKitMessage(message: Message): { text: string; blocks: KnownBlock[] } {
  const blocks = blockKitBlocks([{ kind: "heading", text: message.title }, ...message.blocks]);
  return { text: mrkdwn(message.summary), blocks: message.actions?.length ? [...blocks, actionsBlock(message.actions)] : blocks };
}

/** A message in a modal: the title as the modal's title. */
export function blockKitModal(message: Message): ModalView {
  const blocks = blockKitBlocks(message.blocks);
  return {
    type: "modal",
    ...(message.id ? { callback_id: message.id } : {}),
    title: plain(message.title, 24),
    close: plain("Close", 24),
    blocks: message.actions?.length ? [...blocks, actionsBlock(message.actions)] : blocks,
  };
}

/** A modal that only says something: what Slack shows after a form when there is nothing else to show. */
export const textModal = (title: string, text: string): ModalView => blockKitModal({ title, summary: text, blocks: [{ kind: "section", lines: [text] }] });
