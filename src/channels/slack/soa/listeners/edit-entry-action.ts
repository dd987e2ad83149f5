import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import type { SlackContext } from "../../context.js";
import { failureMessage } from "../../reply.js";
import { slackActor } from "../../slack-actor.js";
import { soaEntryModal } from "../soa-entry-modal.js";

type Args = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

/** "Edit" on an SoA line: pushes the edit form over the SoA modal, for the AIMS owner only. */
export function editEntryAction(ctx: SlackContext) {
  return async ({ ack, body, action, client }: Args) => {
    await ack();
    const actor = slackActor(body.user);
    const rootViewId = body.view?.root_view_id ?? body.view?.id ?? "";
    const tell = (text: string) => client.chat.postMessage({ channel: actor.id, text });
    try {
      if (!(await ctx.core.soa.canEdit(actor))) return void (await tell("Only the AIMS owner can change the Statement of Applicability."));
      const [controlId, version] = (action.value ?? "").split(":");
      const line = await ctx.core.soa.line(controlId);
      if (!line) return void (await tell(`There is no SoA line for ${controlId}.`));
      await client.views.push({
        trigger_id: body.trigger_id,
        view: soaEntryModal(line, { controlId: line.controlId, version: Number(version) || line.version, rootViewId }),
      });
    } catch (error) {
      await tell(failureMessage(error, ctx.logger, { action: "soa_edit_entry" }));
    }
  };
}
