import type { Core } from "../../../app/core.js";
import type { Actor } from "../../../core/actor.js";
import type { Capability } from "../../../conversation/capability.js";
import { replyText } from "../../../conversation/reply.js";
import { cardMessage, markdownMessage } from "../cards/adaptive-card.js";
import type { TeamsCommand } from "../commands/command.js";
import { commandArguments } from "../commands/command.js";
import type { TeamsContext } from "../context.js";
import { adaptiveCardForm } from "./adaptive-card-form.js";
import { adaptiveCardOf } from "./adaptive-card-message.js";
import { teamsTurn } from "./teams-turn.js";
import { timeZoneOf } from "./time-zone.js";

/** A capability's commands as words sent to the bot: a message or a form comes as a card, text as a message. */
export function commandsOf(capability: Capability<Core>): TeamsCommand[] {
  return capability.commands.map((command) => ({
    name: command.name,
    description: command.description,
    ...(command.visibleTo ? { visibleTo: async (ctx: TeamsContext, actor: Actor) => command.visibleTo!(ctx.core, actor) } : {}),
    async handle({ ctx, turn, actor }) {
      const reply = await command.run(teamsTurn(ctx, actor, turn.activity), commandArguments(turn));
      if (reply.kind === "show") return void (await turn.send(cardMessage(adaptiveCardOf(reply.message), reply.message.summary)));
      if (reply.kind === "form") return void (await turn.send(cardMessage(adaptiveCardForm(reply.form, {}, undefined, timeZoneOf(turn.activity)), reply.form.title)));
      await turn.send(markdownMessage(replyText(reply)));
    },
  }));
}
