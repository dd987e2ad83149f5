import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import type { SlackContext } from "../../context.js";
import { failureMessage, tellUser } from "../../reply.js";
import { slackActor } from "../../slack-actor.js";
import { continueModal } from "../step-modal.js";

type Args = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

/** "Start re-assessment" on an AI system's re-assessment reminder: the planned re-assessment (8.4), pre-filled. */
export function startReassessmentAction(ctx: SlackContext) {
  return async ({ ack, body, action, client, respond }: Args) => {
    await ack();
    const actor = slackActor(body.user);
    const tell = (text: string) => tellUser({ client, userId: actor.id, respond: body.response_url ? respond : undefined }, text);
    try {
      const service = ctx.core.assessments;
      const result = await service.start(actor, { subjectReference: action.value ?? "", trigger: "scheduled" });
      if (result.kind !== "started" && result.kind !== "resumed") return tell(result.message);
      await client.views.open({ trigger_id: body.trigger_id, view: continueModal(service, result.assessment) });
    } catch (error) {
      await tell(failureMessage(error, ctx.logger, { action: "assessment_start_reassessment" }));
    }
  };
}
