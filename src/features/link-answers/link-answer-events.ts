import type { ChatChannel } from "../../core/actor.js";

declare module "../../core/events.js" {
  interface DomainEvents {
    /** An AIMS owner turned link answers off (or back on) in one Slack channel or Teams conversation. */
    "link_answers.switched": { channel: ChatChannel; conversationId: string; on: boolean };
  }
}
