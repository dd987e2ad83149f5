import { ASSESSMENT_WORDING } from "../../../features/assessments/conversation/assessment-wording.js";
import { adaptiveCard, errorBlock, executeAction, textBlock, type AdaptiveCard, type CardElement } from "../cards/adaptive-card.js";
import { formatDate } from "../cards/text.js";
import { ASSESSMENT_VERBS } from "./assessment-verbs.js";
import { QUESTIONNAIRE_IDS } from "../../../features/assessments/conversation/assessment-ids.js";
import type { AssessmentWithSubject } from "../../../features/assessments/sign-off-flow.js";
import { assessmentSummary } from "./assessment-summary.js";
import { reviewOutcomeBlock } from "../../../features/assessments/conversation/assessment-summary-view.js";
import { cardElements } from "../conversation/adaptive-card-message.js";

const W = ASSESSMENT_WORDING.signOff;

export const COMMENTS_INPUT = "comments";
export const MAX_COMMENTS_LENGTH = 2000;

export const signOffSummary = (assessment: AssessmentWithSubject) => W.summary(assessment.reference, assessment.status);

/** The card asking an AIMS owner to sign off: comments and the two buttons while it waits, the outcome afterwards. */
export function signOffCard(assessment: AssessmentWithSubject, options: { commentsError?: string; typedComments?: string } = {}): AdaptiveCard {
  const body = assessmentSummary(assessment);
  if (assessment.status !== "submitted") return adaptiveCard([...body, ...cardElements([reviewOutcomeBlock(assessment)])]);
  body.push({
    type: "Input.Text",
    id: COMMENTS_INPUT,
    label: "Comments (needed to send it back)",
    isMultiline: true,
    maxLength: MAX_COMMENTS_LENGTH,
    ...(options.typedComments ? { value: options.typedComments } : {}),
  });
  if (options.commentsError) body.push(errorBlock(options.commentsError));
  const data = { reference: assessment.reference, round: assessment.round };
  return adaptiveCard(body, [
    executeAction(W.approve, ASSESSMENT_VERBS.signOff, data, "positive"),
    executeAction(W.sendBack, ASSESSMENT_VERBS.sendBack, data, "destructive"),
  ]);
}

/** What the assessor is told in their personal chat once an owner has reviewed the assessment. */
export function assessorOutcomeCard(assessment: AssessmentWithSubject): { card: AdaptiveCard; summary: string } {
  if (assessment.status === "signed_off") {
    const summary = ASSESSMENT_WORDING.assessor.signedOff(assessment.reference, assessment.nextReassessmentAt ? formatDate(assessment.nextReassessmentAt) : undefined);
    return { summary, card: adaptiveCard([textBlock(summary, { weight: "bolder" }), ...assessmentSummary(assessment)]) };
  }
  const summary = ASSESSMENT_WORDING.assessor.sentBack(assessment.reference);
  const body: CardElement[] = [textBlock(summary, { weight: "bolder" }), ...assessmentSummary(assessment)];
  return { summary, card: adaptiveCard(body, [executeAction(ASSESSMENT_WORDING.assessor.continue, QUESTIONNAIRE_IDS.actions.resume, { reference: assessment.reference }, "positive")]) };
}
