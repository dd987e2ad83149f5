import { registerView } from "../../../../features/requests/conversation/request-views.js";
import { REQUEST_WORDING as W } from "../../../../features/requests/conversation/request-wording.js";
import { blockKitMessage } from "../../conversation/block-kit-message.js";
import type { Subcommand } from "./subcommand.js";

export const registerSubcommand: Subcommand = {
  name: "register",
  usage: "/aims register [name]",
  description: W.registerDescription,
  async handle({ ctx, rest, respond }) {
    await respond({ response_type: "ephemeral", ...blockKitMessage(registerView(await ctx.core.requests.register(rest))) });
  },
};
