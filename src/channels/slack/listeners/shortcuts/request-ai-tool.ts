import { randomUUID } from "node:crypto";
import type { AllMiddlewareArgs, SlackShortcutMiddlewareArgs } from "@slack/bolt";
import { requestForm } from "../../../../features/requests/conversation/request-forms.js";
import { blockKitForm } from "../../conversation/block-kit-form.js";
import { SLACK_IDS } from "../../ids.js";

/** A fresh request form; its id becomes the submission key, so a retried submit files one request. */
export const newRequestForm = () => blockKitForm(requestForm({ id: SLACK_IDS.views.requestSubmit, state: { formId: randomUUID() } }));

/** Global shortcut "Request an AI tool", and the Home tab button of the same name: both open the request form. */
export async function openRequestForm({ ack, body, client }: { ack: () => Promise<void>; body: { trigger_id: string }; client: AllMiddlewareArgs["client"] }) {
  await ack();
  await client.views.open({ trigger_id: body.trigger_id, view: newRequestForm() });
}

export const requestAiToolShortcut = (args: SlackShortcutMiddlewareArgs & AllMiddlewareArgs) => openRequestForm(args);
