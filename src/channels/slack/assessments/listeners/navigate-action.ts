import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import type { SlackContext } from "../../context.js";
import { failureMessage, tellUser } from "../../reply.js";
import { slackActor } from "../../slack-actor.js";
import { parseReferenceValue } from "../ids.js";
import { stepModal } from "../step-modal.js";

type Args = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

/**
 * Back (to the step before the one shown) and "Go to step N" (to that step), in the same modal. Only answers
 * saved with Next are shown again; moving back does not change the draft.
 */
export function navigateAction(ctx: SlackContext, direction: "back" | "to") {
  return async ({ ack, body, action, client }: Args) => {
    await ack();
    const actor = slackActor(body.user);
    const target = parseReferenceValue(action.value ?? "");
    if (!target || !body.view) return;
    try {
      const service = ctx.core.assessments;
      const opened = await service.resume(actor, target.reference);
      if (opened.kind !== "ok") return tellUser({ client, userId: actor.id }, opened.message);
      const step = Math.min(Math.max(direction === "back" ? target.number - 1 : target.number, 0), service.steps.length - 1);
      await client.views.update({ view_id: body.view.id, view: stepModal(service, opened.assessment, step) });
    } catch (error) {
      await tellUser({ client, userId: actor.id }, failureMessage(error, ctx.logger, { action: "assessment_navigate" }));
    }
  };
}
