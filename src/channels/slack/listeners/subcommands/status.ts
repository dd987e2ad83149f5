import { statusView } from "../../../../features/requests/conversation/request-views.js";
import { REQUEST_WORDING as W } from "../../../../features/requests/conversation/request-wording.js";
import { blockKitMessage } from "../../conversation/block-kit-message.js";
import type { Subcommand } from "./subcommand.js";

export const statusSubcommand: Subcommand = {
  name: "status",
  usage: "/aims status",
  description: W.statusDescription,
  async handle({ ctx, actor, respond }) {
    const requests = await ctx.core.requests.listFor(actor);
    await respond({ response_type: "ephemeral", ...blockKitMessage(statusView(requests)) });
  },
};
