import type { KnownBlock } from "@slack/types";
import { formatDate } from "../blocks/text.js";
import { mention } from "../slack-actor.js";
import { ASSESSMENT_IDS } from "./ids.js";
import type { AssessmentWithSubject } from "../../../features/assessments/sign-off-flow.js";
import { assessmentSummaryBlocks } from "./summary-blocks.js";

/** The message asking an AIMS owner to sign off: buttons while it waits, the outcome afterwards. */
export function signOffMessage(assessment: AssessmentWithSubject): { text: string; blocks: KnownBlock[] } {
  const value = `${assessment.reference}:${assessment.round}`;
  const footer: KnownBlock =
    assessment.status === "submitted"
      ? {
          type: "actions",
          block_id: `sign_off:${assessment.reference}`,
          elements: [
            { type: "button", action_id: ASSESSMENT_IDS.actions.signOff, style: "primary", text: { type: "plain_text", text: "Approve sign-off" }, value },
            { type: "button", action_id: ASSESSMENT_IDS.actions.sendBack, text: { type: "plain_text", text: "Send back" }, value },
          ],
        }
      : { type: "context", elements: [{ type: "mrkdwn", text: reviewOutcome(assessment) }] };
  return {
    text: `Impact assessment ${assessment.reference} ${assessment.status === "submitted" ? "needs your sign-off" : assessment.status.replace("_", " ")}`,
    blocks: [...assessmentSummaryBlocks(assessment), footer],
  };
}

function reviewOutcome(assessment: AssessmentWithSubject): string {
  const reviewer = assessment.reviewerId
    ? mention({ channel: assessment.reviewerChannel ?? "slack", id: assessment.reviewerId, name: assessment.reviewerName })
    : "an AIMS owner";
  if (assessment.status === "signed_off") {
    return `*Signed off* by ${reviewer}${assessment.nextReassessmentAt ? `; next re-assessment due ${formatDate(assessment.nextReassessmentAt)}` : ""}.`;
  }
  if (assessment.status === "sent_back") return `*Sent back* by ${reviewer} for changes.`;
  return "The assessor is revising this assessment.";
}

/** The DM to the assessor once an owner has reviewed the assessment. */
export function assessorOutcomeMessage(assessment: AssessmentWithSubject): { text: string; blocks: KnownBlock[] } {
  if (assessment.status === "signed_off") {
    const due = assessment.nextReassessmentAt ? ` The next re-assessment is due ${formatDate(assessment.nextReassessmentAt)}.` : "";
    return { text: `Your impact assessment ${assessment.reference} was signed off.${due}`, blocks: assessmentSummaryBlocks(assessment) };
  }
  return {
    text: `Your impact assessment ${assessment.reference} was sent back for changes.`,
    blocks: [
      ...assessmentSummaryBlocks(assessment),
      {
        type: "actions",
        block_id: `continue:${assessment.reference}`,
        elements: [
          { type: "button", action_id: ASSESSMENT_IDS.actions.resume, style: "primary", text: { type: "plain_text", text: "Continue assessment" }, value: assessment.reference },
        ],
      },
    ],
  };
}
