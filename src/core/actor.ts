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

export const CHANNEL_NAMES: Record<ChatChannel, string> = { slack: "Slack", teams: "Teams" };

export const CHAT_CHANNELS: readonly ChatChannel[] = ["slack", "teams"];

/**
 * How any channel names a person: their name, or a clear stand-in when the bot has never been told it (a person
 * picked in a form who has not written to the bot yet), never a bare id mid-sentence.
 */
export function personName(person: { channel: ChatChannel; id: string; name?: string | null }): string {
  return person.name || `someone not yet seen by the bot (${CHANNEL_NAMES[person.channel]} id ${person.id})`;
}
