import type { ActionHandler, FormHandler } from "../../../conversation/capability.js";
import { valueText } from "../../../conversation/capability.js";
import type { FormState } from "../../../conversation/form.js";
import { changed, fieldErrors, type Reply, tell } from "../../../conversation/reply.js";
import type { ReviewOutcome } from "../assessment-reviews.js";
import type { AssessmentService } from "../assessment-service.js";
import { sendBackForm, signOffMessage } from "./assessment-sign-off-views.js";
import { reviewerOf } from "./assessment-summary-view.js";
import { ASSESSMENT_WORDING } from "./assessment-wording.js";

type Services = { assessments: AssessmentService };
const W = ASSESSMENT_WORDING.signOff;

const targetOf = (state: FormState) => ({ reference: valueText(state, "reference"), round: Number(state.round ?? -1) });

/**
 * An owner's review. The service checks the owner role, that nobody signs off their own assessment, the comments of a
 * send-back and that the first review of a round wins; each channel's publisher then updates every copy.
 */
async function review(services: Services, actor: Parameters<AssessmentService["reviews"]["review"]>[0], state: FormState, outcome: ReviewOutcome, comments?: string): Promise<Reply> {
  const { reference, round } = targetOf(state);
  const result = await services.assessments.reviews.review(actor, reference, round, outcome, comments);
  switch (result.kind) {
    case "reviewed": {
      const current = await services.assessments.findForDisplay(reference);
      return current ? changed(signOffMessage(current)) : tell(ASSESSMENT_WORDING.noAssessment(reference));
    }
    case "comments_required":
      return fieldErrors({ comments: result.message });
    case "already_reviewed": {
      const { assessment } = result;
      if (assessment.status === "submitted") return tell(W.resubmitted(reference));
      return tell(W.alreadyReviewed(reference, assessment.status, assessment.reviewerId ? reviewerOf(assessment) : undefined));
    }
    default:
      return tell(result.message);
  }
}

export const signOffAction: ActionHandler<Services> = (turn, value) => review(turn.services, turn.actor, value, "signed_off");

/** Send back: the owner's comments, in a modal (Slack) or unfolded in the card (Teams). */
export const sendBackHandler: FormHandler<Services> = {
  inline: true,
  form: (state) => sendBackForm(targetOf(state)),
  async refusal(turn, state) {
    const assessment = await turn.services.assessments.find(targetOf(state).reference);
    return assessment ? turn.services.assessments.reviews.reviewRefusal(turn.actor, assessment) : ASSESSMENT_WORDING.noAssessment(targetOf(state).reference);
  },
  submit: (turn, values, state) => review(turn.services, turn.actor, state, "sent_back", values.text("comments") ?? ""),
};
