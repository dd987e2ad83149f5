import type { AdaptiveCardInvokeResponse, TurnContext } from "botbuilder";
import type { Actor } from "../../../core/actor.js";
import type { TeamsContext } from "../context.js";

/** One Action.Execute verb: gets the card's data (inputs merged in) and answers with a card or a message. */
export type CardActionHandler = (args: {
  ctx: TeamsContext;
  turn: TurnContext;
  actor: Actor;
  data: Record<string, unknown>;
}) => Promise<AdaptiveCardInvokeResponse>;
