import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import type { ModalView } from "@slack/types";
import type { SlackContext } from "../context.js";
import { SLACK_IDS } from "../ids.js";
import { tellUser } from "../reply.js";
import { slackActor } from "../slack-actor.js";
import { concernFailure } from "../../../features/concerns/concern-failure.js";
import { quietClient } from "./quiet-client.js";
import { describeTriageResult } from "./triage-outcomes.js";
import { assignModal, closeModal, questionModal } from "./triage-blocks.js";

type Args = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

const MODALS: Record<string, (reference: string) => ModalView> = {
  [SLACK_IDS.concerns.actions.ask]: questionModal,
  [SLACK_IDS.concerns.actions.assign]: assignModal,
  [SLACK_IDS.concerns.actions.close]: closeModal,
};

/**
 * Buttons on the triage message. Acknowledge acts at once; the others open a modal for the question, the assignee
 * or the outcome. Only triagers get anywhere: the core checks again when the modal is submitted.
 */
export function triageAction(ctx: SlackContext) {
  return async ({ ack, body, action, client, respond }: Args) => {
    await ack();
    const actor = slackActor(body.user);
    const reference = action.value ?? "";
    const tell = (text: string) => tellUser({ client, userId: actor.id, respond: body.response_url ? respond : undefined }, text);
    try {
      const refusal = await ctx.core.concerns.triageRefusal(actor);
      if (refusal) return await tell(refusal);
      if (action.action_id === SLACK_IDS.concerns.actions.acknowledge) {
        const result = await ctx.core.concerns.acknowledge(actor, reference);
        const problem = describeTriageResult(result, reference);
        if (problem) await tell(problem);
        return;
      }
      const modal = MODALS[action.action_id];
      if (modal) await quietClient(ctx).views.open({ trigger_id: body.trigger_id, view: modal(reference) });
    } catch (error) {
      await tell(concernFailure(error, ctx.logger, action.action_id));
    }
  };
}
