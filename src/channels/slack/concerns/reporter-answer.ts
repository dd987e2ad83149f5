import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import type { SlackContext } from "../context.js";
import { failureMessage, tellUser } from "../reply.js";
import { slackActor } from "../slack-actor.js";
import { ANSWER_BLOCK, ANSWER_INPUT, answerModal } from "./reporter-blocks.js";

/** "Answer" on the question DM to a named reporter opens the answer modal. */
export function reporterAnswerAction() {
  return async ({ ack, body, action, client }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs) => {
    await ack();
    await client.views.open({ trigger_id: body.trigger_id, view: answerModal(action.value ?? "") });
  };
}

/** The named reporter's answer; the core checks that it really is them. */
export function reporterAnswerSubmission(ctx: SlackContext) {
  return async ({ ack, body, view, client }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    const actor = slackActor(body.user);
    const answer = (view.state.values as Record<string, Record<string, { value?: string | null }>>)[ANSWER_BLOCK]?.[ANSWER_INPUT]?.value ?? undefined;
    try {
      const result = await ctx.core.concerns.answerAsReporter(actor, view.private_metadata, answer);
      switch (result.kind) {
        case "done":
          await ack();
          return tellUser({ client, userId: actor.id }, `Thank you: your answer about ${view.private_metadata} was sent to the AIMS triagers.`);
        case "not_found":
          return ack({ response_action: "errors", errors: { [ANSWER_BLOCK]: `I can't find concern ${view.private_metadata}.` } });
        case "forbidden":
          return ack({ response_action: "errors", errors: { [ANSWER_BLOCK]: result.message } });
        case "closed":
          return ack({ response_action: "errors", errors: { [ANSWER_BLOCK]: "This concern is closed, so it takes no more answers." } });
        case "empty":
          return ack({ response_action: "errors", errors: { [ANSWER_BLOCK]: "Please write your answer." } });
      }
    } catch (error) {
      await ack({ response_action: "errors", errors: { [ANSWER_BLOCK]: failureMessage(error, ctx.logger, { view: view.callback_id }) } });
    }
  };
}
