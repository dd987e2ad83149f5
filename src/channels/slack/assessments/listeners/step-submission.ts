import { ASSESSMENT_WORDING } from "../../../../features/assessments/conversation/assessment-wording.js";
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import { questionsForStep, type Answers } from "../../../../features/assessments/questionnaire/index.js";
import type { SlackContext } from "../../context.js";
import { failureMessage } from "../../reply.js";
import { slackActor } from "../../slack-actor.js";
import { errorsByBlock, readStepAnswers, type ViewStateValues } from "../answer-elements.js";
import { parseStepMetadata } from "../ids.js";
import { reviewModal } from "../review-modal.js";
import { stepModal } from "../step-modal.js";

type Args = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/**
 * Next: validates and SAVES the step before acknowledging, then shows the next step in the same modal. Field
 * errors, or a database outage, keep the modal open with what was typed.
 */
export function stepSubmission(ctx: SlackContext) {
  return async ({ ack, body, view }: Args) => {
    const service = ctx.core.assessments;
    const metadata = parseStepMetadata(view.private_metadata);
    const step = metadata ? service.steps[metadata.step] : undefined;
    if (!metadata || !step) return ack({ response_action: "update", view: goneModal("This form is out of date. Run `/aims assess` to continue.") });
    const actor = slackActor(body.user);
    try {
      const current = await service.find(metadata.reference);
      const questions = questionsForStep(service.definition, step, (current?.answers ?? {}) as Answers);
      const raw = readStepAnswers(questions, view.state.values as ViewStateValues);
      const result = await service.saveStep(actor, metadata.reference, metadata.step, raw);
      switch (result.kind) {
        case "errors":
          return ack({ response_action: "errors", errors: errorsByBlock(questions, result.errors) });
        case "saved":
          return ack({
            response_action: "update",
            view: result.nextStep === "review" ? reviewModal(service, result.assessment) : stepModal(service, result.assessment, result.nextStep),
          });
        default:
          return ack({ response_action: "update", view: goneModal(result.message) });
      }
    } catch (error) {
      const message = failureMessage(error, ctx.logger, { view: view.callback_id });
      const firstBlock = (view.blocks as { type: string; block_id?: string }[]).find((block) => block.type === "input")?.block_id;
      return ack(firstBlock ? { response_action: "errors", errors: { [firstBlock]: message } } : { response_action: "update", view: goneModal(message) });
    }
  };
}

export function goneModal(text: string) {
  return {
    type: "modal" as const,
    title: { type: "plain_text" as const, text: ASSESSMENT_WORDING.title },
    close: { type: "plain_text" as const, text: "Close" },
    blocks: [{ type: "section" as const, text: { type: "mrkdwn" as const, text } }],
  };
}
