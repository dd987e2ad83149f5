import type { ChatChannel } from "../core/actor.js";
import type { Block, Button, Line } from "./model.js";

export type { ActionValue, Block, Button, Line, Message } from "./model.js";

export const section = (lines: Line[], options: Omit<Extract<Block, { kind: "section" }>, "kind" | "lines"> = {}): Block => ({
  kind: "section",
  lines,
  ...options,
});
export const heading = (text: string): Block => ({ kind: "heading", text });
export const fields = (pairs: { label: string; value: string }[]): Block => ({ kind: "fields", fields: pairs });
export const context = (text: string): Block => ({ kind: "context", text });
export const actions = (buttons: Button[]): Block => ({ kind: "actions", buttons });
export const muted = (text: string): Line => ({ text, muted: true });
export const lineText = (line: Line): string => (typeof line === "string" ? line : line.text);
/** Text cut to `max` characters, an ellipsis marking the cut: what fits a chat's field or a summary line. */
export const truncate = (text: string, max: number): string => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

/** A person named in a text: each channel shows them its own way (a Slack mention, a name with its chat). */
export function person(who: { channel: ChatChannel; id: string; name?: string | null }): string {
  return `{{person|${who.channel}|${encodeURIComponent(who.id)}|${encodeURIComponent(who.name ?? "")}}}`;
}

/** A chat room named in a text (a Slack channel): Slack links it, other chats show its name and chat. */
export function room(where: { channel: ChatChannel; id: string; name: string }): string {
  return `{{room|${where.channel}|${encodeURIComponent(where.id)}|${encodeURIComponent(where.name)}}}`;
}

/** A calendar day named in a text, as the records keep it (UTC): 2027-03-31. */
export function day(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** A moment named in a text: a chat that can shows it in each reader's own timezone. */
export function moment(date: Date): string {
  return `{{moment|${date.getTime()}}}`;
}

/** A command to send the bot (`register <name>`): Slack shows it as `/aims …`, Teams as the words to send. */
export function command(words: string): string {
  return `{{command|${encodeURIComponent(words)}}}`;
}

/** Replaces each command named with `command()` by what `show` makes of it. */
export function showCommands(text: string, show: (words: string) => string): string {
  return text.replace(/\{\{command\|([^|}]*)\}\}/g, (_, words: string) => show(decodeURIComponent(words)));
}

/** Replaces each moment named with `moment()` by what `show` makes of it. */
export function showMoments(text: string, show: (date: Date) => string): string {
  return text.replace(/\{\{moment\|(-?\d+)\}\}/g, (_, ms: string) => show(new Date(Number(ms))));
}

/** A moment for a chat that cannot show it in the reader's timezone: to the minute, in UTC. */
export function utcMoment(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

/** Replaces each room named with `room()` by what `show` makes of it. */
export function showRooms(text: string, show: (where: { channel: ChatChannel; id: string; name: string }) => string): string {
  return text.replace(/\{\{room\|(slack|teams)\|([^|}]*)\|([^|}]*)\}\}/g, (_, channel: ChatChannel, id: string, name: string) =>
    show({ channel, id: decodeURIComponent(id), name: decodeURIComponent(name) }),
  );
}

/** Replaces each person named with `person()` by what `show` makes of them. */
export function showPeople(text: string, show: (who: { channel: ChatChannel; id: string; name: string | null }) => string): string {
  return text.replace(/\{\{person\|(slack|teams)\|([^|}]*)\|([^|}]*)\}\}/g, (_, channel: ChatChannel, id: string, name: string) =>
    show({ channel, id: decodeURIComponent(id), name: decodeURIComponent(name) || null }),
  );
}
