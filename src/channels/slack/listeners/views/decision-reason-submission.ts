import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import { FormValues } from "../../../../conversation/form.js";
import { isStorableText, UNSTORABLE_TEXT_MESSAGE } from "../../../../core/storable-text.js";
import { askFor, REASON_FIELD, reasonFormAnswer } from "../../../../features/requests/conversation/request-decisions.js";
import { REQUEST_WORDING as W } from "../../../../features/requests/conversation/request-wording.js";
import { readBlockKitValues, readFormMetadata } from "../../conversation/block-kit-form.js";
import type { SlackContext } from "../../context.js";
import { slackActor } from "../../slack-actor.js";
import { reportDecision } from "../actions/report-decision.js";

type Args = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/** The approver's conditions or reason; the decision itself is taken after acknowledging. */
export function decisionReasonSubmission(ctx: SlackContext) {
  return async ({ ack, body, view, client }: Args) => {
    const answer = reasonFormAnswer(readFormMetadata(view.private_metadata).state, new FormValues(readBlockKitValues(view.state.values as never)));
    const problem = !answer ? W.outOfDate : !answer.text ? askFor(answer.outcome, answer.outcome === "approved") : !isStorableText(answer.text) ? UNSTORABLE_TEXT_MESSAGE : undefined;
    if (problem || !answer) return void (await ack({ response_action: "errors", errors: { [REASON_FIELD]: problem ?? W.outOfDate } }));
    await ack();
    await reportDecision(ctx, { actor: slackActor(body.user), client, target: answer.target, outcome: answer.outcome, words: answer.words });
  };
}
