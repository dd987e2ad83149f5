import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import type { Actor } from "../../../../core/actor.js";
import type { AssessmentService, OpenResult } from "../../../../features/assessments/assessment-service.js";
import { questionsForStep, type Answers } from "../../../../features/assessments/questionnaire/index.js";
import type { SlackContext } from "../../context.js";
import { failureMessage, tellUser } from "../../reply.js";
import { slackActor } from "../../slack-actor.js";
import { readStepAnswers, type ViewStateValues } from "../answer-elements.js";
import { parseReferenceValue, parseStepMetadata } from "../ids.js";
import { stepModal } from "../step-modal.js";

type Args = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

/**
 * Back (to the step before the one shown) and "Go to step N" (to that step), in the same modal. What was typed
 * in the step being left is kept (valid answers only; Next checks the rest).
 */
export function navigateAction(ctx: SlackContext, direction: "back" | "to") {
  return async ({ ack, body, action, client }: Args) => {
    await ack();
    const actor = slackActor(body.user);
    const target = parseReferenceValue(action.value ?? "");
    if (!target || !body.view) return;
    try {
      const service = ctx.core.assessments;
      const opened = await keepTypedAnswers(service, actor, target.reference, body.view);
      if (opened.kind !== "ok") return tellUser({ client, userId: actor.id }, opened.message);
      const step = Math.min(Math.max(direction === "back" ? target.number - 1 : target.number, 0), service.steps.length - 1);
      await client.views.update({ view_id: body.view.id, view: stepModal(service, opened.assessment, step) });
    } catch (error) {
      await tellUser({ client, userId: actor.id }, failureMessage(error, ctx.logger, { action: "assessment_navigate" }));
    }
  };
}

async function keepTypedAnswers(
  service: AssessmentService,
  actor: Actor,
  reference: string,
  view: { private_metadata: string; state: { values: unknown } },
): Promise<OpenResult> {
  const shown = parseStepMetadata(view.private_metadata)?.step ?? -1;
  const leaving = service.steps[shown];
  if (!leaving) return service.resume(actor, reference);
  const stored = ((await service.find(reference))?.answers ?? {}) as Answers;
  const raw = readStepAnswers(questionsForStep(service.definition, leaving, stored), view.state.values as ViewStateValues);
  return service.saveProgress(actor, reference, shown, raw);
}
