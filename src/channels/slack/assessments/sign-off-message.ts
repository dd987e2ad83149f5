import { ASSESSMENT_WORDING } from "../../../features/assessments/conversation/assessment-wording.js";
import type { KnownBlock } from "@slack/types";
import { formatDate } from "../blocks/text.js";
import { ASSESSMENT_IDS } from "./ids.js";
import type { AssessmentWithSubject } from "../../../features/assessments/sign-off-flow.js";
import { assessmentSummaryBlocks as summaryView, reviewOutcomeBlock } from "../../../features/assessments/conversation/assessment-summary-view.js";
import { blockKitBlocks, slackButton } from "../conversation/block-kit-message.js";

const assessmentSummaryBlocks = (assessment: AssessmentWithSubject): KnownBlock[] => blockKitBlocks(summaryView(assessment));

const W = ASSESSMENT_WORDING.signOff;

/** The message asking an AIMS owner to sign off: buttons while it waits, the outcome afterwards. */
export function signOffMessage(assessment: AssessmentWithSubject): { text: string; blocks: KnownBlock[] } {
  const value = `${assessment.reference}:${assessment.round}`;
  const footer: KnownBlock =
    assessment.status === "submitted"
      ? {
          type: "actions",
          block_id: `sign_off:${assessment.reference}`,
          elements: [
            { type: "button", action_id: ASSESSMENT_IDS.actions.signOff, style: "primary", text: { type: "plain_text", text: W.approve }, value },
            { type: "button", action_id: ASSESSMENT_IDS.actions.sendBack, text: { type: "plain_text", text: W.sendBack }, value },
          ],
        }
      : blockKitBlocks([reviewOutcomeBlock(assessment)])[0]!;
  return {
    text: W.summary(assessment.reference, assessment.status),
    blocks: [...assessmentSummaryBlocks(assessment), footer],
  };
}

/** The DM to the assessor once an owner has reviewed the assessment. */
export function assessorOutcomeMessage(assessment: AssessmentWithSubject): { text: string; blocks: KnownBlock[] } {
  if (assessment.status === "signed_off") {
    const due = assessment.nextReassessmentAt ? formatDate(assessment.nextReassessmentAt) : undefined;
    return { text: ASSESSMENT_WORDING.assessor.signedOff(assessment.reference, due), blocks: assessmentSummaryBlocks(assessment) };
  }
  return {
    text: ASSESSMENT_WORDING.assessor.sentBack(assessment.reference),
    blocks: [
      ...assessmentSummaryBlocks(assessment),
      {
        type: "actions",
        block_id: `continue:${assessment.reference}`,
        elements: [
          slackButton({ label: ASSESSMENT_WORDING.assessor.continue, action: ASSESSMENT_IDS.actions.resume, value: { reference: assessment.reference }, style: "primary" }),
        ],
      },
    ],
  };
}
