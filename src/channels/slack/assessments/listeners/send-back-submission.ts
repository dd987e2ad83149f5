import { ASSESSMENT_WORDING } from "../../../../features/assessments/conversation/assessment-wording.js";
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import type { SlackContext } from "../../context.js";
import { failureMessage } from "../../reply.js";
import { slackActor } from "../../slack-actor.js";
import { COMMENTS_ACTION, COMMENTS_BLOCK } from "../send-back-modal.js";
import { reviewOutcomeText } from "./review-actions.js";

type Args = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/** The owner's comments when sending an assessment back; saved before acknowledging so errors keep the modal open. */
export function sendBackSubmission(ctx: SlackContext) {
  return async ({ ack, body, view }: Args) => {
    const comments = view.state.values[COMMENTS_BLOCK]?.[COMMENTS_ACTION]?.value?.trim() ?? "";
    if (!comments) return ack({ response_action: "errors", errors: { [COMMENTS_BLOCK]: ASSESSMENT_WORDING.signOff.sayWhatToChange } });
    const target = JSON.parse(view.private_metadata) as { reference: string; round: number };
    try {
      const result = await ctx.core.assessments.reviews.review(slackActor(body.user), target.reference, target.round, "sent_back", comments);
      const problem = reviewOutcomeText(result);
      return ack(problem ? { response_action: "errors", errors: { [COMMENTS_BLOCK]: problem } } : undefined);
    } catch (error) {
      return ack({ response_action: "errors", errors: { [COMMENTS_BLOCK]: failureMessage(error, ctx.logger, { view: view.callback_id }) } });
    }
  };
}
