import type { AllMiddlewareArgs, MessageShortcut, SlackShortcutMiddlewareArgs } from "@slack/bolt";
import type { SlackContext } from "../../context.js";
import { failureMessage } from "../../reply.js";
import { timelineNoteModal } from "../blocks/follow-up-modals.js";

type Args = SlackShortcutMiddlewareArgs<MessageShortcut> & AllMiddlewareArgs;

/**
 * Message shortcut "Add to incident timeline": asks which incident (preselecting the one whose channel this is)
 * and offers the message's text as the note.
 */
export function addToTimelineShortcut(ctx: SlackContext) {
  return async ({ ack, shortcut, client, respond }: Args) => {
    await ack();
    const say = async (text: string) => {
      await respond({ response_type: "ephemeral", text });
    };
    try {
      const [incidents, here] = await Promise.all([
        ctx.core.incidents.listActive(),
        ctx.core.incidents.findByRoom("slack", shortcut.channel.id),
      ]);
      if (incidents.length === 0) return await say("There is no open incident to add this message to.");
      const author = shortcut.message.user ? `<@${shortcut.message.user}>: ` : "";
      await client.views.open({
        trigger_id: shortcut.trigger_id,
        view: timelineNoteModal({
          incidents,
          selected: here && here.status !== "closed" ? here : undefined,
          note: `${author}${shortcut.message.text ?? ""}`,
          metadata: { source: `slack:${shortcut.channel.id}/${shortcut.message.ts}` },
        }),
      });
    } catch (error) {
      await say(failureMessage(error, ctx.logger, { shortcut: shortcut.callback_id }));
    }
  };
}
