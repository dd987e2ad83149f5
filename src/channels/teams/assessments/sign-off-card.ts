import { adaptiveCard, errorBlock, executeAction, textBlock, type AdaptiveCard, type CardElement } from "../cards/adaptive-card.js";
import { formatDate, personLabel } from "../cards/text.js";
import { ASSESSMENT_VERBS } from "./assessment-verbs.js";
import type { AssessmentWithSubject } from "../../../features/assessments/sign-off-flow.js";
import { assessmentSummary, reviewerOf } from "./assessment-summary.js";

export const COMMENTS_INPUT = "comments";
export const MAX_COMMENTS_LENGTH = 2000;

export const signOffSummary = (assessment: AssessmentWithSubject) =>
  `Impact assessment ${assessment.reference} ${assessment.status === "submitted" ? "needs your sign-off" : assessment.status.replace("_", " ")}`;

/** The card asking an AIMS owner to sign off: comments and the two buttons while it waits, the outcome afterwards. */
export function signOffCard(assessment: AssessmentWithSubject, options: { commentsError?: string; typedComments?: string } = {}): AdaptiveCard {
  const body = assessmentSummary(assessment);
  if (assessment.status !== "submitted") return adaptiveCard([...body, textBlock(reviewOutcome(assessment))]);
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
    executeAction("Approve sign-off", ASSESSMENT_VERBS.signOff, data, "positive"),
    executeAction("Send back", ASSESSMENT_VERBS.sendBack, data, "destructive"),
  ]);
}

function reviewOutcome(assessment: AssessmentWithSubject): string {
  const reviewer = assessment.reviewerId ? personLabel(reviewerOf(assessment)) : "an AIMS owner";
  if (assessment.status === "signed_off") {
    const due = assessment.nextReassessmentAt ? `; next re-assessment due ${formatDate(assessment.nextReassessmentAt)}` : "";
    return `**Signed off** by ${reviewer}${due}.`;
  }
  if (assessment.status === "sent_back") return `**Sent back** by ${reviewer} for changes.`;
  return "The assessor is revising this assessment.";
}

/** What the assessor is told in their personal chat once an owner has reviewed the assessment. */
export function assessorOutcomeCard(assessment: AssessmentWithSubject): { card: AdaptiveCard; summary: string } {
  if (assessment.status === "signed_off") {
    const due = assessment.nextReassessmentAt ? ` The next re-assessment is due ${formatDate(assessment.nextReassessmentAt)}.` : "";
    const summary = `Your impact assessment ${assessment.reference} was signed off.${due}`;
    return { summary, card: adaptiveCard([textBlock(summary, { weight: "bolder" }), ...assessmentSummary(assessment)]) };
  }
  const summary = `Your impact assessment ${assessment.reference} was sent back for changes.`;
  const body: CardElement[] = [textBlock(summary, { weight: "bolder" }), ...assessmentSummary(assessment)];
  return { summary, card: adaptiveCard(body, [executeAction("Continue assessment", ASSESSMENT_VERBS.resume, { reference: assessment.reference }, "positive")]) };
}
