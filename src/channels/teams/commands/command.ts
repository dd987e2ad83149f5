import type { TurnContext } from "botbuilder";
import type { Actor } from "../../../core/actor.js";
import type { TeamsContext } from "../context.js";

/** A word a person can send the bot (in personal chat, or after @mentioning it in a channel). */
export interface TeamsCommand {
  name: string;
  description: string;
  /** Whether help lists the command for this person; listed for everyone when absent. */
  visibleTo?: (ctx: TeamsContext, actor: Actor) => boolean;
  handle(args: { ctx: TeamsContext; turn: TurnContext; actor: Actor }): Promise<void>;
}
