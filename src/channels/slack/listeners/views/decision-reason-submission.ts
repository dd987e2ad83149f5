import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import { FormValues } from "../../../../conversation/form.js";
import { isStorableText, UNSTORABLE_TEXT_MESSAGE } from "../../../../core/storable-text.js";
import { REASON_FIELD, reasonFormAnswer, wordsProblem } from "../../../../features/requests/conversation/request-decisions.js";
import { REQUEST_WORDING as W } from "../../../../features/requests/conversation/request-wording.js";
import { readBlockKitValues, readFormMetadata } from "../../conversation/block-kit-form.js";
import type { SlackContext } from "../../context.js";
import { slackActor } from "../../slack-actor.js";
import { reportDecision } from "../actions/report-decision.js";

type Args = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/** The approver's conditions and the approval's end, or their reason; the decision itself is taken after acknowledging. */
export function decisionReasonSubmission(ctx: SlackContext) {
  return async ({ ack, body, view, client }: Args) => {
    const answer = reasonFormAnswer(readFormMetadata(view.private_metadata).state, new FormValues(readBlockKitValues(view.state.values as never)));
    if (!answer) return void (await ack({ response_action: "errors", errors: { [REASON_FIELD]: W.outOfDate } }));
    const problem = wordsProblem(answer.outcome, answer.words, ctx.core.clock.now()) ?? (answer.text && !isStorableText(answer.text) ? { [REASON_FIELD]: UNSTORABLE_TEXT_MESSAGE } : null);
    if (problem) return void (await ack({ response_action: "errors", errors: problem }));
    await ack();
    await reportDecision(ctx, { actor: slackActor(body.user), client, target: answer.target, outcome: answer.outcome, words: answer.words });
  };
}
