import type { Actor } from "../../../core/actor.js";
import type { TeamsContext } from "../context.js";
import { textWithoutBotMention, type TeamsActivity, type TeamsTurn } from "../transport/index.js";

/** A word a person can send the bot (in personal chat, or after @mentioning it in a channel). */
export interface TeamsCommand {
  name: string;
  description: string;
  /** Whether help lists the command for this person; listed for everyone when absent. */
  visibleTo?: (ctx: TeamsContext, actor: Actor) => Promise<boolean>;
  handle(args: { ctx: TeamsContext; turn: TeamsTurn; actor: Actor }): Promise<void>;
}

/** What the person typed, trimmed, without the @mention of the bot that channel messages start with. */
export function typedText(activity: Partial<TeamsActivity>): string {
  return (textWithoutBotMention(activity) ?? "").trim();
}

/** The words after the command word ("register otter ai" → "otter ai"). */
export function commandArguments(turn: TeamsTurn): string {
  return typedText(turn.activity).split(/\s+/).slice(1).join(" ");
}
