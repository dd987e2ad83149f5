import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import type { SlackContext } from "../../context.js";
import { failureMessage } from "../../reply.js";
import { slackActor } from "../../slack-actor.js";
import { soaProfileModal } from "../soa-profile-modal.js";

type Args = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

/** "Change roles" in the SoA modal: pushes the organisation profile form, for the AIMS owner only. */
export function editProfileAction(ctx: SlackContext) {
  return async ({ ack, body, client }: Args) => {
    await ack();
    const actor = slackActor(body.user);
    const tell = (text: string) => client.chat.postMessage({ channel: actor.id, text });
    try {
      if (!(await ctx.core.soa.canEdit(actor))) return void (await tell("Only the AIMS owner can change the organisation's roles."));
      const profile = await ctx.core.soa.profile();
      const rootViewId = body.view?.root_view_id ?? body.view?.id;
      await client.views.push({ trigger_id: body.trigger_id, view: soaProfileModal(profile?.roles ?? [], rootViewId) });
    } catch (error) {
      await tell(failureMessage(error, ctx.logger, { action: "soa_edit_profile" }));
    }
  };
}
