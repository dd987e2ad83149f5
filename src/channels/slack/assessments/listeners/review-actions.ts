import { ASSESSMENT_WORDING } from "../../../../features/assessments/conversation/assessment-wording.js";
import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import type { ReviewResult } from "../../../../features/assessments/assessment-reviews.js";
import type { SlackContext } from "../../context.js";
import { failureMessage, tellUser } from "../../reply.js";
import { slackActor } from "../../slack-actor.js";
import { parseReferenceValue } from "../ids.js";
import { sendBackModal } from "../send-back-modal.js";

type Args = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

/** Tells the owner privately when their review did not go through; a success updates every copy of the message. */
export function reviewOutcomeText(result: ReviewResult): string | null {
  switch (result.kind) {
    case "reviewed":
      return null;
    case "already_reviewed":
      return ASSESSMENT_WORDING.signOff.alreadyReviewed(result.assessment.reference, result.assessment.status, result.assessment.reviewerId ? `<@${result.assessment.reviewerId}>` : undefined);
    default:
      return result.message;
  }
}

/** "Approve sign-off": decided at once. "Send back": first asks the owner for comments. */
export function reviewAction(ctx: SlackContext, outcome: "signed_off" | "sent_back") {
  return async ({ ack, body, action, client, respond }: Args) => {
    await ack();
    const actor = slackActor(body.user);
    const tell = (text: string) => tellUser({ client, userId: actor.id, respond: body.response_url ? respond : undefined }, text);
    const target = parseReferenceValue(action.value ?? "");
    if (!target) return tell("That button is out of date. Please use the latest message.");
    try {
      const reviews = ctx.core.assessments.reviews;
      if (outcome === "signed_off") {
        const text = reviewOutcomeText(await reviews.review(actor, target.reference, target.number, "signed_off"));
        if (text) await tell(text);
        return;
      }
      const assessment = await ctx.core.assessments.find(target.reference);
      if (!assessment) return tell(ASSESSMENT_WORDING.noAssessment(target.reference));
      const refusal = await reviews.reviewRefusal(actor, assessment);
      if (refusal) return tell(refusal);
      await client.views.open({ trigger_id: body.trigger_id, view: sendBackModal({ reference: target.reference, round: target.number }) });
    } catch (error) {
      await tell(failureMessage(error, ctx.logger, { action: `assessment_${outcome}`, reference: target.reference }));
    }
  };
}
