import { ASSESSMENT_WORDING } from "../../../features/assessments/conversation/assessment-wording.js";
import type { KnownBlock, ModalView } from "@slack/types";
import type { ImpactAssessment } from "../../../db/generated/client.js";
import type { AssessmentService } from "../../../features/assessments/assessment-service.js";
import { escapeMrkdwn, truncate } from "../blocks/text.js";
import { ASSESSMENT_IDS, type StepMetadata } from "./ids.js";
import { LEVEL_LABELS, reasonsText } from "./summary-blocks.js";

const MAX_MISSING_SHOWN = 10;
const W = ASSESSMENT_WORDING.review;

/** The end of the questionnaire: the impact level the answers give, with the reasons, before sending for sign-off. */
export function reviewModal(service: AssessmentService, assessment: ImpactAssessment): ModalView {
  const { score, missing } = service.preview(assessment);
  const metadata: StepMetadata = { reference: assessment.reference, step: service.steps.length };
  const blocks: KnownBlock[] = [
    { type: "context", elements: [{ type: "mrkdwn", text: `*${W.label}* · ${assessment.reference}` }] },
    { type: "section", text: { type: "mrkdwn", text: `*${W.impactLevel(LEVEL_LABELS[score.level])}*` } },
    { type: "section", text: { type: "mrkdwn", text: reasonsText(score.reasons) } },
  ];
  if (missing.length > 0) {
    const firstStep = service.steps.findIndex((step) => step.questionIds.includes(missing[0]!.questionId));
    const list = missing.slice(0, MAX_MISSING_SHOWN).map((question) => `• ${escapeMrkdwn(truncate(question.label, 150))}`);
    blocks.push(
      { type: "section", text: { type: "mrkdwn", text: `*${W.stillToAnswer}*\n${list.join("\n")}` } },
      {
        type: "actions",
        block_id: "missing",
        elements: [
          {
            type: "button",
            action_id: ASSESSMENT_IDS.actions.goToStep,
            text: { type: "plain_text", text: W.goToStep(firstStep + 1) },
            value: `${assessment.reference}:${Math.max(firstStep, 0)}`,
          },
        ],
      },
    );
  } else {
    blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: W.sendingAsks }] });
  }
  blocks.push({
    type: "actions",
    block_id: "navigation",
    elements: [
      { type: "button", action_id: ASSESSMENT_IDS.actions.back, text: { type: "plain_text", text: ASSESSMENT_WORDING.steps.back }, value: `${assessment.reference}:${service.steps.length}` },
    ],
  });
  return {
    type: "modal",
    callback_id: ASSESSMENT_IDS.views.review,
    private_metadata: JSON.stringify(metadata),
    title: { type: "plain_text", text: "Review assessment" },
    ...(missing.length === 0 ? { submit: { type: "plain_text" as const, text: W.send } } : {}),
    close: { type: "plain_text", text: "Close" },
    blocks,
  };
}

/** Shown in place of the review once the assessment is on its way to the owners. */
export function submittedModal(assessment: ImpactAssessment): ModalView {
  return {
    type: "modal",
    callback_id: ASSESSMENT_IDS.views.review,
    title: { type: "plain_text", text: "Assessment sent" },
    close: { type: "plain_text", text: "Done" },
    blocks: [
      {
        type: "section",
        text: {
          type: "mrkdwn",
          text: W.withOwners(assessment.reference, LEVEL_LABELS[assessment.level ?? "low"], "by DM", (text) => `*${text}*`),
        },
      },
    ],
  };
}
