import { CHANNEL_NAMES, personName, type ChatChannel } from "../../../core/actor.js";

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export function formatDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** How a Teams card names a person: their name, and the channel when it is not Teams. */
export function personLabel(person: { channel: ChatChannel; id: string; name?: string | null }): string {
  const name = personName(person);
  return person.channel === "teams" || !person.name ? name : `${name} (${CHANNEL_NAMES[person.channel]})`;
}
