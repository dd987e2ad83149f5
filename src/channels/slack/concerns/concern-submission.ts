import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import type { SlackContext } from "../context.js";
import { slackActor } from "../slack-actor.js";
import { FormValues } from "../../../conversation/form.js";
import { readConcernForm } from "../../../features/concerns/conversation/concern-form-view.js";
import { readBlockKitValues } from "../conversation/block-kit-form.js";
import { formErrors, type ConcernFormMetadata } from "./concern-form-modal.js";
import { concernFailure } from "../../../features/concerns/concern-failure.js";
import { anonymousReceiptView } from "./follow-up-views.js";

type Args = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/**
 * Saves the concern before acknowledging, so errors keep the modal open with what was typed, and announces it to
 * the triagers after. An anonymous reporter sees their case code and secret in place of the form; the core drops
 * who they are.
 */
export function concernSubmission(ctx: SlackContext) {
  return async ({ ack, body, view }: Args) => {
    try {
      const metadata = JSON.parse(view.private_metadata) as ConcernFormMetadata;
      const result = await ctx.core.concerns.submit(slackActor(body.user), readConcernForm(new FormValues(readBlockKitValues(view.state.values as never))), {
        submissionKey: `slack:${view.id}:${metadata.nonce}`,
        quote: metadata.quote,
      });
      if (!result.ok) return await ack({ response_action: "errors", errors: formErrors(result.errors) });
      await (result.followUp ? ack({ response_action: "update", view: anonymousReceiptView(result.concern, result.followUp) }) : ack());
      await result.announced;
    } catch (error) {
      await ack({ response_action: "errors", errors: { description: concernFailure(error, ctx.logger, "concern submission") } });
    }
  };
}
