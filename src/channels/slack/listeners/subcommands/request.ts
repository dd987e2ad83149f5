import { REQUEST_WORDING as W } from "../../../../features/requests/conversation/request-wording.js";
import { newRequestForm } from "../shortcuts/request-ai-tool.js";
import type { Subcommand } from "./subcommand.js";

export const requestSubcommand: Subcommand = {
  name: "request",
  usage: "/aims request",
  description: W.requestDescription,
  async handle({ client, command }) {
    await client.views.open({ trigger_id: command.trigger_id, view: newRequestForm() });
  },
};
