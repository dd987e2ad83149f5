import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import type { SlackContext } from "../../context.js";
import { failureMessage } from "../../reply.js";
import { slackActor } from "../../slack-actor.js";
import { parseStepMetadata } from "../ids.js";
import { reviewModal, submittedModal } from "../review-modal.js";
import { goneModal } from "./step-submission.js";

type Args = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/** "Send for sign-off": scores and submits before acknowledging; the owners are asked by the notifications. */
export function reviewSubmission(ctx: SlackContext) {
  return async ({ ack, body, view }: Args) => {
    const service = ctx.core.assessments;
    const metadata = parseStepMetadata(view.private_metadata);
    if (!metadata) return ack();
    try {
      const result = await service.submit(slackActor(body.user), metadata.reference);
      if (result.kind === "submitted") return ack({ response_action: "update", view: submittedModal(result.assessment) });
      if (result.kind === "incomplete") {
        const current = await service.find(metadata.reference);
        return ack({ response_action: "update", view: current ? reviewModal(service, current) : goneModal("This assessment no longer exists.") });
      }
      return ack({ response_action: "update", view: goneModal(result.message) });
    } catch (error) {
      return ack({ response_action: "update", view: goneModal(failureMessage(error, ctx.logger, { view: view.callback_id })) });
    }
  };
}
