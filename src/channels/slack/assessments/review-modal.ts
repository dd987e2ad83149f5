import type { KnownBlock, ModalView } from "@slack/types";
import type { ImpactAssessment } from "../../../db/generated/client.js";
import type { AssessmentService } from "../../../features/assessments/assessment-service.js";
import { escapeMrkdwn, truncate } from "../blocks/text.js";
import { ASSESSMENT_IDS, type StepMetadata } from "./ids.js";
import { LEVEL_LABELS, reasonsText } from "./summary-blocks.js";

const MAX_MISSING_SHOWN = 10;

/** The end of the questionnaire: the impact level the answers give, with the reasons, before sending for sign-off. */
export function reviewModal(service: AssessmentService, assessment: ImpactAssessment): ModalView {
  const { score, missing } = service.preview(assessment);
  const metadata: StepMetadata = { reference: assessment.reference, step: service.steps.length };
  const blocks: KnownBlock[] = [
    { type: "context", elements: [{ type: "mrkdwn", text: `*Review* · ${assessment.reference}` }] },
    { type: "section", text: { type: "mrkdwn", text: `*Impact level: ${LEVEL_LABELS[score.level]}*` } },
    { type: "section", text: { type: "mrkdwn", text: reasonsText(score.reasons) } },
  ];
  if (missing.length > 0) {
    const firstStep = service.steps.findIndex((step) => step.questionIds.includes(missing[0]!.questionId));
    const list = missing.slice(0, MAX_MISSING_SHOWN).map((question) => `• ${escapeMrkdwn(truncate(question.label, 150))}`);
    blocks.push(
      { type: "section", text: { type: "mrkdwn", text: `*Still to answer before it can be signed off:*\n${list.join("\n")}` } },
      {
        type: "actions",
        block_id: "missing",
        elements: [
          {
            type: "button",
            action_id: ASSESSMENT_IDS.actions.goToStep,
            text: { type: "plain_text", text: `Go to step ${firstStep + 1}` },
            value: `${assessment.reference}:${Math.max(firstStep, 0)}`,
          },
        ],
      },
    );
  } else {
    blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: "Sending it asks the AIMS owners to sign it off; they may send it back with comments." }] });
  }
  blocks.push({
    type: "actions",
    block_id: "navigation",
    elements: [
      { type: "button", action_id: ASSESSMENT_IDS.actions.back, text: { type: "plain_text", text: "Back" }, value: `${assessment.reference}:${service.steps.length}` },
    ],
  });
  return {
    type: "modal",
    callback_id: ASSESSMENT_IDS.views.review,
    private_metadata: JSON.stringify(metadata),
    title: { type: "plain_text", text: "Review assessment" },
    ...(missing.length === 0 ? { submit: { type: "plain_text" as const, text: "Send for sign-off" } } : {}),
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
          text: `*${assessment.reference}* is with the AIMS owners for sign-off. Impact level: *${LEVEL_LABELS[assessment.level ?? "low"]}*. You will hear back by DM.`,
        },
      },
    ],
  };
}
