import type { RespondFn, SlashCommand } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import type { Actor } from "../../../../core/actor.js";
import type { SlackContext } from "../../context.js";

export interface SubcommandArgs {
  ctx: SlackContext;
  actor: Actor;
  /** Text after the subcommand name, trimmed. */
  rest: string;
  command: SlashCommand;
  client: WebClient;
  respond: RespondFn;
}

/** One `/aims <name>` subcommand. Its handler runs after the command was acknowledged. */
export interface Subcommand {
  name: string;
  usage: string;
  description: string;
  /** Who sees it in help; everyone when absent. */
  visibleTo?: (ctx: SlackContext, actor: Actor) => Promise<boolean>;
  handle(args: SubcommandArgs): Promise<void>;
}
