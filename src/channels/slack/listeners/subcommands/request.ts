import { randomUUID } from "node:crypto";
import { SLACK_IDS } from "../../ids.js";
import { requestModal } from "../../blocks/request-modal.js";
import type { Subcommand } from "./subcommand.js";

export const requestSubcommand: Subcommand = {
  name: "request",
  usage: "/aims request",
  description: "Ask to start using a new AI tool. Approvers decide; you get a receipt and the outcome by DM.",
  async handle({ client, command }) {
    await client.views.open({
      trigger_id: command.trigger_id,
      view: requestModal({ callbackId: SLACK_IDS.views.requestSubmit, privateMetadata: randomUUID() }),
    });
  },
};
