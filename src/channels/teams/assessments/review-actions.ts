import { ASSESSMENT_WORDING } from "../../../features/assessments/conversation/assessment-wording.js";
import type { ReviewOutcome } from "../../../features/assessments/assessment-reviews.js";
import type { CardActionHandler } from "../actions/card-action.js";
import { cardResponse, messageResponse } from "../cards/adaptive-card.js";
import { personLabel } from "../cards/text.js";
import { failureMessage } from "../reply.js";
import { readTarget } from "./assessment-verbs.js";
import { reviewerOf } from "./assessment-summary.js";
import { COMMENTS_INPUT, signOffCard } from "./sign-off-card.js";

/**
 * "Approve sign-off" and "Send back" on an owner's card. The service checks the owner role, that nobody signs off
 * their own assessment, the comments of a send-back and that the first review of a round wins.
 */
export function reviewAssessment(outcome: ReviewOutcome): CardActionHandler {
  return async ({ ctx, actor, data }) => {
    const target = readTarget(data, "round");
    if (!target) return messageResponse("That card is out of date. Please use the latest one.");
    const comments = typeof data[COMMENTS_INPUT] === "string" ? (data[COMMENTS_INPUT] as string) : "";
    const service = ctx.core.assessments;
    try {
      const result = await service.reviews.review(actor, target.reference, target.number, outcome, comments);
      const current = await service.find(target.reference);
      switch (result.kind) {
        case "reviewed":
          return current ? cardResponse(signOffCard(current)) : messageResponse(`${target.reference} was ${ASSESSMENT_WORDING.status(outcome)}.`);
        case "comments_required":
          return current ? cardResponse(signOffCard(current, { commentsError: result.message })) : messageResponse(result.message);
        case "already_reviewed": {
          const { assessment } = result;
          const by = assessment.reviewerId ? personLabel(reviewerOf(assessment)) : undefined;
          return messageResponse(
            assessment.status === "submitted"
              ? `${target.reference} was resubmitted since; please use the latest card.`
              : ASSESSMENT_WORDING.signOff.alreadyReviewed(target.reference, assessment.status, by),
          );
        }
        default:
          return messageResponse(result.message);
      }
    } catch (error) {
      return messageResponse(failureMessage(error, ctx.logger, { verb: `assessment.${outcome}`, reference: target.reference }));
    }
  };
}
