import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from "@slack/bolt";
import type { SlackContext } from "../../context.js";
import { failureMessage } from "../../reply.js";
import { slackActor } from "../../slack-actor.js";
import { helpText } from "../subcommands/help.js";
import type { Subcommand } from "../subcommands/subcommand.js";

/** `/aims <subcommand> ...`: acknowledges at once, then runs the subcommand; unknown ones get help. */
export function aimsCommand(ctx: SlackContext, subcommands: readonly Subcommand[]) {
  return async ({ ack, command, respond, client }: SlackCommandMiddlewareArgs & AllMiddlewareArgs) => {
    await ack();
    const actor = slackActor(command.user_id, command.user_name);
    const text = command.text.trim();
    const name = text.split(/\s+/, 1)[0] ?? "";
    const subcommand = subcommands.find((s) => s.name === name.toLowerCase());
    if (!subcommand) {
      const intro = name ? `I don't know \`/aims ${name}\`.\n\n` : "";
      await respond({ response_type: "ephemeral", text: intro + (await helpText(subcommands, ctx, actor)) });
      return;
    }
    try {
      await subcommand.handle({ ctx, actor, rest: text.slice(name.length).trim(), command, client, respond });
    } catch (error) {
      await respond({
        response_type: "ephemeral",
        text: failureMessage(error, ctx.logger, { subcommand: subcommand.name }),
      });
    }
  };
}
