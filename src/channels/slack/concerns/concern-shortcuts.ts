import type { AllMiddlewareArgs, MessageShortcut, SlackShortcutMiddlewareArgs } from "@slack/bolt";
import type { SlackContext } from "../context.js";
import { quoteFor } from "./concern-form-modal.js";
import { concernFailure } from "../../../features/concerns/concern-failure.js";
import { openConcernForm, TRIAGE_NOT_CONFIGURED } from "./open-concern-form.js";

type Args = SlackShortcutMiddlewareArgs & AllMiddlewareArgs;

/**
 * "Report an AI concern" on a message (quoting it) or from the shortcuts menu. Failures are told in place when Slack
 * gave a response_url; the global shortcut has none, and a DM would leave a trace, so there the form simply stays shut.
 */
export function concernShortcut(ctx: SlackContext) {
  return async ({ ack, shortcut, respond }: Args) => {
    await ack();
    const fromMessage = shortcut.type === "message_action" ? (shortcut as MessageShortcut) : undefined;
    const tell = async (text: string) => {
      if (fromMessage) await respond({ response_type: "ephemeral", text });
    };
    try {
      if (!ctx.slack.triageChannel) return await tell(TRIAGE_NOT_CONFIGURED);
      const quote = fromMessage?.message.text
        ? quoteFor(fromMessage.message.text, {
            authorId: fromMessage.message.user,
            conversationId: fromMessage.channel.id,
            messageId: fromMessage.message.ts,
          })
        : undefined;
      await openConcernForm(ctx, shortcut.trigger_id, quote);
    } catch (error) {
      await tell(concernFailure(error, ctx.logger, "concern shortcut"));
    }
  };
}
