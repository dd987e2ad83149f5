import { registerHeadline } from "../../../../features/requests/register-listing.js";
import { registerBlocks } from "../../blocks/register.js";
import type { Subcommand } from "./subcommand.js";

export const registerSubcommand: Subcommand = {
  name: "register",
  usage: "/aims register [name]",
  description: "See the AI system register: approved AI tools, their risk, owner and next review. Add a name to search it.",
  async handle({ ctx, rest, respond }) {
    const listing = await ctx.core.requests.register(rest);
    await respond({ response_type: "ephemeral", text: registerHeadline(listing), blocks: registerBlocks(listing) });
  },
};
