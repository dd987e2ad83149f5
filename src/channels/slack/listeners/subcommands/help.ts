import type { Actor } from "../../../../core/actor.js";
import type { SlackContext } from "../../context.js";
import type { Subcommand } from "./subcommand.js";

export async function helpText(subcommands: readonly Subcommand[], ctx: SlackContext, actor: Actor): Promise<string> {
  const visible = await Promise.all(subcommands.map((s) => s.visibleTo?.(ctx, actor) ?? true));
  const lines = subcommands
    .filter((_, index) => visible[index])
    .map((s) => `• \`${s.usage}\`: ${s.description}`);
  return [
    "*AIMS* helps us use AI responsibly, as ISO/IEC 42001 asks. Here is what you can do:",
    ...lines,
    "You can also open the *AIMS* app's Home tab to see your requests.",
  ].join("\n");
}

export function helpSubcommand(all: () => readonly Subcommand[]): Subcommand {
  return {
    name: "help",
    usage: "/aims help",
    description: "Show this list.",
    async handle({ ctx, actor, respond }) {
      await respond({ response_type: "ephemeral", text: await helpText(all(), ctx, actor) });
    },
  };
}
