import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import { describeErasure } from "../../../../features/organisation/erasure-messages.js";
import { parseErasureForm } from "../../../../features/organisation/erasure-form.js";
import type { SlackContext } from "../../context.js";
import { failureMessage } from "../../reply.js";
import { slackActor } from "../../slack-actor.js";
import { erasedView, readEraseForm } from "../erase-modal.js";
import { ERASURE_IDS } from "../erasure-ids.js";

type Args = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/**
 * Erases on submit. Field errors keep the form open; otherwise the form says "Erasing…" at once (a large audit trail
 * takes longer than Slack's 3 seconds) and then shows the outcome: done, or why it was refused.
 */
export function eraseSubmission(ctx: SlackContext) {
  return async ({ ack, body, view, client }: Args) => {
    const actor = slackActor(body.user);
    const form = readEraseForm(view.state.values as never);
    const parsed = parseErasureForm(form);
    if (!parsed.ok) {
      const errors = Object.fromEntries(Object.entries(parsed.errors).map(([field, message]) => [ERASURE_IDS.blocks[field as keyof typeof ERASURE_IDS.blocks], message]));
      await ack({ response_action: "errors", errors });
      return;
    }
    await ack({ response_action: "update", view: erasedView("Erasing…") });
    try {
      const result = await ctx.core.erasure.erase(actor, form);
      await client.views.update({ view_id: view.id, view: erasedView(describeErasure(result)) });
    } catch (error) {
      const message = failureMessage(error, ctx.logger, { view: view.callback_id });
      await client.views.update({ view_id: view.id, view: erasedView(message) }).catch(() => undefined);
    }
  };
}
