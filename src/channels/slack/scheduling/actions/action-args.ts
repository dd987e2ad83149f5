import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import type { ModalView } from "../../blocks/types.js";
import type { SlackContext } from "../../context.js";
import { failureMessage, tellUser } from "../../reply.js";
import { slackActor } from "../../slack-actor.js";
import type { Actor } from "../../../../core/actor.js";

export type ButtonArgs = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

/**
 * A button that acks first, then either answers the person privately or opens a modal. `work` returns the text to
 * tell, or a modal to open; errors become a failure message instead of a crash.
 */
export function buttonListener(ctx: SlackContext, name: string, work: (actor: Actor, value: string) => Promise<string | ModalView>) {
  return async ({ ack, body, action, client, respond }: ButtonArgs) => {
    await ack();
    const actor = slackActor(body.user);
    const tell = (text: string) => tellUser({ client, userId: actor.id, respond: body.response_url ? respond : undefined }, text);
    try {
      const outcome = await work(actor, action.value ?? "");
      if (typeof outcome === "string") await tell(outcome);
      else await client.views.open({ trigger_id: body.trigger_id, view: outcome });
    } catch (error) {
      await tell(failureMessage(error, ctx.logger, { action: name }));
    }
  };
}
