import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import { decisionTarget, reasonForm } from "../../../../features/requests/conversation/request-decisions.js";
import type { DecisionOutcome } from "../../../../features/requests/request-service.js";
import { readActionValue } from "../../conversation/capability-clicks.js";
import { blockKitForm } from "../../conversation/block-kit-form.js";
import type { SlackContext } from "../../context.js";
import { REQUEST_WORDING as W } from "../../../../features/requests/conversation/request-wording.js";
import { failureMessage, tellUser } from "../../reply.js";
import { slackActor } from "../../slack-actor.js";
import { publishHome } from "../events/app-home-opened.js";
import { reportDecision } from "./report-decision.js";

type Args = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

/** Approve: decided straight away. Approve with conditions, Reject and Request changes: first ask for the conditions or a reason. */
export function requestDecisionAction(ctx: SlackContext, outcome: DecisionOutcome, options: { withConditions?: boolean } = {}) {
  return async ({ ack, body, action, client, respond }: Args) => {
    await ack();
    const actor = slackActor(body.user);
    const target = decisionTarget(readActionValue(action.value));
    const tell = (text: string) => tellUser({ client, userId: actor.id, respond: body.response_url ? respond : undefined }, text);
    if (!target) return tell(W.outOfDate);

    if (outcome === "approved" && !options.withConditions) {
      await reportDecision(ctx, { actor, client, respond: body.response_url ? respond : undefined, target, outcome, words: {} });
      if (body.view?.type === "home") await publishHome(ctx, client, actor.id).catch((error) => ctx.logger.warn({ err: error }, "could not refresh the App Home"));
      return;
    }
    try {
      const request = await ctx.core.requests.find(target.reference);
      if (!request) return tell(W.notFound(target.reference));
      const refusal = await ctx.core.requests.decisionRefusal(actor, request);
      if (refusal) return tell(refusal);
      await client.views.open({ trigger_id: body.trigger_id, view: blockKitForm(reasonForm(target, outcome)) });
    } catch (error) {
      await tell(failureMessage(error, ctx.logger, { action: outcome, reference: target.reference }));
    }
  };
}
