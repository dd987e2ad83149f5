import type { ImpactAssessment } from "../../../db/generated/client.js";
import { assessmentSummaryBlocks } from "../../../features/assessments/conversation/assessment-summary-view.js";
import type { AssessmentWithSubject } from "../../../features/assessments/sign-off-flow.js";
import type { CardElement } from "../cards/adaptive-card.js";
import { cardElements } from "../conversation/adaptive-card-message.js";

export const reviewerOf = (a: ImpactAssessment) => ({ channel: a.reviewerChannel ?? "teams", id: a.reviewerId ?? "", name: a.reviewerName });

/** The assessment's summary, written once in its conversation folder, as card elements. */
export const assessmentSummary = (assessment: AssessmentWithSubject): CardElement[] => cardElements(assessmentSummaryBlocks(assessment));
