import type { ChatChannel } from "../../core/actor.js";
import type { GroupFacts } from "./role-service.js";

/** The groups one platform offers for a role binding: Slack user groups, or the Teams teams and group chats the bot is in. */
export interface GroupLookup {
  /** Every group that can be bound now, by name. */
  groups(): Promise<GroupFacts[]>;
  /** The group with this id as the platform knows it now, or null when it does not exist (any more). */
  find(externalId: string): Promise<GroupFacts | null>;
}

/** Each channel registers its lookup when it starts; a capability written once asks for the actor's channel. */
export class GroupLookups {
  private readonly byChannel = new Map<ChatChannel, GroupLookup>();

  use(channel: ChatChannel, lookup: GroupLookup): void {
    this.byChannel.set(channel, lookup);
  }

  of(channel: ChatChannel): GroupLookup | undefined {
    return this.byChannel.get(channel);
  }
}
