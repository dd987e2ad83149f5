import { statusBlocks } from "../../blocks/status.js";
import type { Subcommand } from "./subcommand.js";

export const statusSubcommand: Subcommand = {
  name: "status",
  usage: "/aims status",
  description: "List your AI tool requests and where each one stands.",
  async handle({ ctx, actor, respond }) {
    const requests = await ctx.core.requests.listFor(actor);
    await respond({ response_type: "ephemeral", text: `You have ${requests.length} AI tool request(s).`, blocks: statusBlocks(requests) });
  },
};
