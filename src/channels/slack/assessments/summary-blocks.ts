import type { KnownBlock } from "@slack/types";
import { assessmentSummaryBlocks as summaryView } from "../../../features/assessments/conversation/assessment-summary-view.js";
import { ASSESSMENT_WORDING } from "../../../features/assessments/conversation/assessment-wording.js";
import type { RiskLevel } from "../../../features/assessments/questionnaire/index.js";
import type { AssessmentWithSubject } from "../../../features/assessments/sign-off-flow.js";
import { escapeMrkdwn, truncate } from "../blocks/text.js";
import { blockKitBlocks } from "../conversation/block-kit-message.js";

export const LEVEL_LABELS: Record<RiskLevel, string> = ASSESSMENT_WORDING.levels;

export function reasonsText(reasons: readonly string[]): string {
  return truncate(reasons.map((reason) => `• ${escapeMrkdwn(reason)}`).join("\n"), 3000);
}

/** The assessment's summary, written once in its conversation folder, as Block Kit. */
export const assessmentSummaryBlocks = (assessment: AssessmentWithSubject): KnownBlock[] => blockKitBlocks(summaryView(assessment));
