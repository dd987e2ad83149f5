import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import { continueReply } from "../../../../features/assessments/conversation/assessment-questionnaire-views.js";
import type { SlackContext } from "../../context.js";
import { blockKitForm } from "../../conversation/block-kit-form.js";
import { blockKitModal } from "../../conversation/block-kit-message.js";
import { failureMessage, tellUser } from "../../reply.js";
import { slackActor } from "../../slack-actor.js";

type Args = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

/**
 * A button that starts (or resumes) the assessment of the subject in its value and opens where it continues:
 * "Start assessment" when a high-risk request cannot be approved yet ("initial"), and "Start re-assessment" on an
 * AI system's re-assessment reminder ("scheduled", pre-filled from the last signed-off assessment, 8.4).
 */
export function startAssessmentAction(ctx: SlackContext, trigger: "initial" | "scheduled") {
  return async ({ ack, body, action, client, respond }: Args) => {
    await ack();
    const actor = slackActor(body.user);
    const tell = (text: string) => tellUser({ client, userId: actor.id, respond: body.response_url ? respond : undefined }, text);
    try {
      const service = ctx.core.assessments;
      const result = await service.start(actor, { subjectReference: action.value ?? "", trigger });
      if (result.kind !== "started" && result.kind !== "resumed") return tell(result.message);
      const reply = continueReply(service, result.assessment);
      const view = reply.kind === "form" ? blockKitForm(reply.form) : reply.kind === "show" ? blockKitModal(reply.message) : undefined;
      if (view) await client.views.open({ trigger_id: body.trigger_id, view });
    } catch (error) {
      await tell(failureMessage(error, ctx.logger, { action: `assessment_start_${trigger}` }));
    }
  };
}
