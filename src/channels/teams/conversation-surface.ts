import type { MessageSurface } from "../../core/channel-messages.js";
import type { TeamsMessenger } from "./messenger.js";
import type { OutgoingMessage } from "./transport/index.js";

/** Cards posted into one conversation and updated there, for records shown in one message each. */
export function conversationSurface(messenger: TeamsMessenger, conversationId: string): MessageSurface<OutgoingMessage> {
  return {
    async post(message) {
      const activityId = await messenger.post(conversationId, message);
      return activityId ? { conversationId, messageId: activityId } : null;
    },
    update: (location, message) => messenger.update(location.conversationId, location.messageId, message),
  };
}
