import type { Actor } from "../../../core/actor.js";
import type { TeamsContext } from "../context.js";
import type { CardInvokeResponse, TeamsTurn } from "../transport/index.js";

/** One Action.Execute verb: gets the card's data (inputs merged in) and answers with a card or a message. */
export type CardActionHandler = (args: {
  ctx: TeamsContext;
  turn: TeamsTurn;
  actor: Actor;
  data: Record<string, unknown>;
}) => Promise<CardInvokeResponse>;
