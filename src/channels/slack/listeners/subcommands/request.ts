import { newRequestForm } from "../../../../features/requests/conversation/request-forms.js";
import { REQUEST_WORDING as W } from "../../../../features/requests/conversation/request-wording.js";
import { blockKitForm } from "../../conversation/block-kit-form.js";
import type { Subcommand } from "./subcommand.js";

export const requestSubcommand: Subcommand = {
  name: "request",
  usage: "/aims request",
  description: W.requestDescription,
  async handle({ client, command }) {
    await client.views.open({ trigger_id: command.trigger_id, view: blockKitForm(newRequestForm()) });
  },
};
