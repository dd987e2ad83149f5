import type { AllMiddlewareArgs, SlackShortcutMiddlewareArgs } from "@slack/bolt";
import { newRequestForm } from "../../../../features/requests/conversation/request-forms.js";
import { blockKitForm } from "../../conversation/block-kit-form.js";

/** Global shortcut "Request an AI tool" (Slack alone has shortcuts): it opens the request form. */
export async function requestAiToolShortcut({ ack, body, client }: SlackShortcutMiddlewareArgs & AllMiddlewareArgs) {
  await ack();
  await client.views.open({ trigger_id: body.trigger_id, view: blockKitForm(newRequestForm()) });
}
