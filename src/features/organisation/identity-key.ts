import type { ChatChannel } from "../../core/actor.js";

/** A chat account: Slack user id or Teams AAD object id, on its channel. */
export interface IdentityRef {
  channel: ChatChannel;
  id: string;
}

/** How audit events and grants name a chat account: "slack:U123". */
export function identityKey(identity: IdentityRef): string {
  return `${identity.channel}:${identity.id}`;
}

export function identityWhere(identity: IdentityRef) {
  return { channel_externalId: { channel: identity.channel, externalId: identity.id } };
}
