import type { WebClient } from "@slack/web-api";
import type { ModalView } from "@slack/types";

/**
 * Shows a modal for a click: inside an open modal it replaces that view (views.update keeps the stack at one
 * view), from a message it opens a new one.
 */
export async function showModal(client: WebClient, body: { trigger_id: string; view?: { id: string } }, view: ModalView): Promise<void> {
  if (body.view) await client.views.update({ view_id: body.view.id, view });
  else await client.views.open({ trigger_id: body.trigger_id, view });
}
