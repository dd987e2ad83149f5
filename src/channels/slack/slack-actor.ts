import { personName, type Actor, type ChatChannel } from "../../core/actor.js";

/** The person behind a Slack request body (slash command, interaction or event). */
export function slackActor(user: { id: string; name?: string; username?: string } | string, name?: string): Actor {
  if (typeof user === "string") return { channel: "slack", id: user, name };
  return { channel: "slack", id: user.id, name: user.name ?? user.username ?? name };
}

/** How Slack shows a person: a mention for Slack users (Slack shows their name), the name for people on other channels. */
export function mention(person: { channel: ChatChannel; id: string; name?: string | null }): string {
  if (person.channel === "slack") return `<@${person.id}>`;
  return person.name ? `${person.name} (${person.channel})` : personName(person);
}
