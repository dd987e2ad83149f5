import { randomUUID } from "node:crypto";
import { SLACK_IDS } from "../../ids.js";
import { requestModal } from "../../blocks/request-modal.js";
import { REQUEST_WORDING as W } from "../../../../features/requests/conversation/request-wording.js";
import type { Subcommand } from "./subcommand.js";

export const requestSubcommand: Subcommand = {
  name: "request",
  usage: "/aims request",
  description: W.requestDescription,
  async handle({ client, command }) {
    await client.views.open({
      trigger_id: command.trigger_id,
      view: requestModal({ callbackId: SLACK_IDS.views.requestSubmit, privateMetadata: randomUUID() }),
    });
  },
};
