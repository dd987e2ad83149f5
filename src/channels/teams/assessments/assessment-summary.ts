import type { ImpactAssessment } from "../../../db/generated/client.js";
import { assessmentSummaryBlocks } from "../../../features/assessments/conversation/assessment-summary-view.js";
import type { AssessmentWithSubject } from "../../../features/assessments/sign-off-flow.js";
import { textBlock, type CardElement } from "../cards/adaptive-card.js";
import { truncate } from "../cards/text.js";
import { cardElements } from "../conversation/adaptive-card-message.js";

export { levelLabel } from "../../../features/assessments/conversation/assessment-summary-view.js";

export const reviewerOf = (a: ImpactAssessment) => ({ channel: a.reviewerChannel ?? "teams", id: a.reviewerId ?? "", name: a.reviewerName });

export function reasonsBlock(reasons: readonly string[]): CardElement {
  return textBlock(truncate(reasons.map((reason) => `- ${reason}`).join("\n"), 3000));
}

/** The assessment's summary, written once in its conversation folder, as card elements. */
export const assessmentSummary = (assessment: AssessmentWithSubject): CardElement[] => cardElements(assessmentSummaryBlocks(assessment));
