import type { AllMiddlewareArgs, MessageShortcut, SlackShortcutMiddlewareArgs } from "@slack/bolt";
import { timelineNoteForm } from "../../../features/incidents/conversation/incident-forms.js";
import { INCIDENT_WORDING as W } from "../../../features/incidents/conversation/incident-wording.js";
import { blockKitForm } from "../conversation/block-kit-form.js";
import type { SlackContext } from "../context.js";
import { failureMessage } from "../reply.js";

type Args = SlackShortcutMiddlewareArgs<MessageShortcut> & AllMiddlewareArgs;

/**
 * Message shortcut "Add to incident timeline": asks which incident (preselecting the one whose channel this is)
 * and offers the message's text as the note; the incident capability saves it.
 */
export function addToTimelineShortcut(ctx: SlackContext) {
  return async ({ ack, shortcut, client, respond }: Args) => {
    await ack();
    const say = async (text: string) => {
      await respond({ response_type: "ephemeral", text });
    };
    try {
      const [incidents, here] = await Promise.all([ctx.core.incidents.listActive(), ctx.core.incidents.findByRoom("slack", shortcut.channel.id)]);
      if (incidents.length === 0) return await say(W.noOpenIncident);
      const author = shortcut.message.user ? `<@${shortcut.message.user}>: ` : "";
      const incident = here && here.status !== "closed" ? here.reference : undefined;
      const form = timelineNoteForm(incidents, `slack:${shortcut.channel.id}/${shortcut.message.ts}`, { incident, note: `${author}${shortcut.message.text ?? ""}` });
      await client.views.open({ trigger_id: shortcut.trigger_id, view: blockKitForm(form) });
    } catch (error) {
      await say(failureMessage(error, ctx.logger, { shortcut: shortcut.callback_id }));
    }
  };
}
