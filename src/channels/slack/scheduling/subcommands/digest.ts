import type { Subcommand } from "../../listeners/subcommands/subcommand.js";
import { digestBlocks, digestText } from "../blocks/digest-message.js";

export const digestSubcommand: Subcommand = {
  name: "digest",
  usage: "/aims digest preview",
  description: "Preview this week's manager digest (managers only).",
  visibleTo: (ctx, actor) => ctx.core.scheduling.digest.mayPreview(actor),
  async handle({ ctx, actor, rest, respond }) {
    if (rest !== "preview") return void (await respond({ response_type: "ephemeral", text: "Try `/aims digest preview`." }));
    const result = await ctx.core.scheduling.digest.preview(actor);
    if (result.kind === "forbidden") return void (await respond({ response_type: "ephemeral", text: result.message }));
    await respond({ response_type: "ephemeral", text: digestText(result.report), blocks: digestBlocks(result.report) });
  },
};
