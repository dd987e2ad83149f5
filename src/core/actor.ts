import type { ChatChannel } from "../db/generated/enums.js";

export type { ChatChannel };

/** A person acting through one chat channel. Ids are per channel: Slack user id, or Teams AAD object id. */
export interface Actor {
  channel: ChatChannel;
  id: string;
  name?: string;
}

export function sameActor(a: { channel: ChatChannel; id: string }, b: { channel: ChatChannel; id: string }): boolean {
  return a.channel === b.channel && a.id === b.id;
}

/** How a person is mentioned in text that any channel can show. */
export function actorLabel(actor: { channel: ChatChannel; id: string; name?: string | null }): string {
  return actor.name ?? `${actor.channel}:${actor.id}`;
}
