import { ASSESSMENT_WORDING } from "../../../../features/assessments/conversation/assessment-wording.js";
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import type { StartTrigger } from "../../../../features/assessments/assessment-service.js";
import type { SlackContext } from "../../context.js";
import { failureMessage } from "../../reply.js";
import { slackActor } from "../../slack-actor.js";
import type { ViewStateValues } from "../answer-elements.js";
import { START_ACTION, START_BLOCKS } from "../start-modal.js";
import { continueModal } from "../step-modal.js";

type Args = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/** The picker: starts (or resumes) the assessment and turns the same modal into its first (or current) step. */
export function startSubmission(ctx: SlackContext) {
  return async ({ ack, body, view }: Args) => {
    const values = view.state.values as ViewStateValues;
    const subjectReference = values[START_BLOCKS.subject]?.[START_ACTION]?.selected_option?.value ?? "";
    const trigger = (values[START_BLOCKS.trigger]?.[START_ACTION]?.selected_option?.value ?? "initial") as StartTrigger;
    const changeDescription = values[START_BLOCKS.change]?.[START_ACTION]?.value ?? "";
    if (!subjectReference) return ack({ response_action: "errors", errors: { [START_BLOCKS.subject]: ASSESSMENT_WORDING.picker.chooseSubject } });
    if (trigger === "significant_change" && !changeDescription.trim()) {
      return ack({ response_action: "errors", errors: { [START_BLOCKS.change]: ASSESSMENT_WORDING.picker.sayWhatChanged } });
    }
    try {
      const service = ctx.core.assessments;
      const result = await service.start(slackActor(body.user), { subjectReference, trigger, changeDescription });
      if (result.kind === "started" || result.kind === "resumed") {
        return ack({ response_action: "update", view: continueModal(service, result.assessment) });
      }
      return ack({ response_action: "errors", errors: { [START_BLOCKS.subject]: result.message } });
    } catch (error) {
      return ack({ response_action: "errors", errors: { [START_BLOCKS.subject]: failureMessage(error, ctx.logger, { view: view.callback_id }) } });
    }
  };
}
