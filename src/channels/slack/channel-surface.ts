import type { KnownBlock } from "@slack/types";
import type { WebClient } from "@slack/web-api";
import type { MessageSurface } from "../../core/channel-messages.js";

export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

/** Messages posted into one Slack channel and updated there, for records shown in one message each. */
export function channelSurface(client: WebClient, channel: string): MessageSurface<SlackMessage> {
  return {
    async post(message) {
      const posted = await client.chat.postMessage({ channel, ...message });
      return { conversationId: posted.channel ?? channel, messageId: posted.ts! };
    },
    async update(location, message) {
      await client.chat.update({ channel: location.conversationId, ts: location.messageId, ...message });
    },
  };
}
