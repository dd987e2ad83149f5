import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import type { SlackContext } from "../../context.js";
import { failureMessage } from "../../reply.js";
import { slackActor } from "../../slack-actor.js";
import { needsReviewNotice } from "../needs-review-notice.js";
import { soaModal } from "../soa-modal.js";
import { readRootViewId, readSelectedRoles, ROLES_BLOCK } from "../soa-profile-modal.js";

type Args = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/**
 * Saves the organisation's roles (seeding or re-proposing the SoA) before acknowledging. Opened from /aims soa the
 * form turns into the SoA; pushed over the SoA modal, it closes and the SoA underneath is refreshed.
 */
export function profileSubmission(ctx: SlackContext) {
  return async ({ ack, body, view, client }: Args) => {
    const actor = slackActor(body.user);
    const rootViewId = readRootViewId(view.private_metadata);
    try {
      const result = await ctx.core.soa.setOrganisationRoles(actor, readSelectedRoles(view.state.values as never));
      if (result.kind !== "saved") {
        await ack({ response_action: "errors", errors: { [ROLES_BLOCK]: result.message } });
        return;
      }
      const statement = await ctx.core.soa.statement();
      const modal = soaModal(statement, { canEdit: true, notice: needsReviewNotice(result) });
      if (!rootViewId) {
        await ack({ response_action: "update", view: modal });
        return;
      }
      await ack();
      await client.views.update({ view_id: rootViewId, view: modal });
    } catch (error) {
      const message = failureMessage(error, ctx.logger, { view: view.callback_id });
      await ack({ response_action: "errors", errors: { [ROLES_BLOCK]: message } }).catch(() => undefined);
    }
  };
}
