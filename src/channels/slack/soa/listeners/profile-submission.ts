import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import type { ModalView } from "@slack/types";
import type { SlackContext } from "../../context.js";
import { failureMessage } from "../../reply.js";
import { slackActor } from "../../slack-actor.js";
import { needsReviewNotice } from "../needs-review-notice.js";
import { soaModal } from "../soa-modal.js";
import { readRootViewId, readSelectedRoles, ROLES_BLOCK } from "../soa-profile-modal.js";

type Args = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

const messageView = (text: string): ModalView => ({
  type: "modal",
  title: { type: "plain_text", text: "SoA (ISO 42001)" },
  close: { type: "plain_text", text: "Close" },
  blocks: [{ type: "section", text: { type: "mrkdwn", text } }],
});

/**
 * Saves the organisation's roles. Seeding all 38 SoA lines can take longer than Slack's 3 seconds, so the choice is
 * validated first (errors keep the form open), then acknowledged, then saved: the form becomes the SoA (or, pushed
 * over the SoA modal, closes and refreshes it), or says what went wrong.
 */
export function profileSubmission(ctx: SlackContext) {
  return async ({ ack, body, view, client }: Args) => {
    const actor = slackActor(body.user);
    const roles = readSelectedRoles(view.state.values as never);
    const refusal = await ctx.core.soa.rolesRefusal(actor, roles);
    if (refusal) {
      await ack({ response_action: "errors", errors: { [ROLES_BLOCK]: refusal.message } });
      return;
    }
    const rootViewId = readRootViewId(view.private_metadata);
    const target = rootViewId ?? view.id;
    if (rootViewId) await ack();
    else await ack({ response_action: "update", view: messageView("Setting up the Statement of Applicability…") });
    try {
      const result = await ctx.core.soa.setOrganisationRoles(actor, roles);
      if (result.kind !== "saved") {
        await client.views.update({ view_id: target, view: messageView(result.message) });
        return;
      }
      const statement = await ctx.core.soa.statement();
      await client.views.update({ view_id: target, view: soaModal(statement, { canEdit: true, notice: needsReviewNotice(result) }) });
    } catch (error) {
      const message = failureMessage(error, ctx.logger, { view: view.callback_id });
      await client.views.update({ view_id: target, view: messageView(message) }).catch(() => undefined);
    }
  };
}
