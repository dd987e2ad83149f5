import { randomUUID } from "node:crypto";
import type { AllMiddlewareArgs, SlackShortcutMiddlewareArgs } from "@slack/bolt";
import { requestModal } from "../../blocks/request-modal.js";
import { SLACK_IDS } from "../../ids.js";

/** Global shortcut "Request an AI tool", and the Home tab button of the same name: both open the request form. */
export async function openRequestForm({ ack, body, client }: { ack: () => Promise<void>; body: { trigger_id: string }; client: AllMiddlewareArgs["client"] }) {
  await ack();
  await client.views.open({
    trigger_id: body.trigger_id,
    view: requestModal({ callbackId: SLACK_IDS.views.requestSubmit, privateMetadata: randomUUID() }),
  });
}

export const requestAiToolShortcut = (args: SlackShortcutMiddlewareArgs & AllMiddlewareArgs) => openRequestForm(args);
