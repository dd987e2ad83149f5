import type { Actor } from "../../core/actor.js";

/** The person behind a Slack request body (slash command, interaction or event). */
export function slackActor(user: { id: string; name?: string; username?: string } | string, name?: string): Actor {
  if (typeof user === "string") return { channel: "slack", id: user, name };
  return { channel: "slack", id: user.id, name: user.name ?? user.username ?? name };
}

/** How Slack shows a person: a mention for Slack users, their name for people on other channels. */
export function mention(person: { channel: string; id: string; name?: string | null }): string {
  return person.channel === "slack" ? `<@${person.id}>` : `${person.name ?? person.id} (${person.channel})`;
}
