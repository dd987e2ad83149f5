import { ASSESSMENT_WORDING } from "../../../features/assessments/conversation/assessment-wording.js";
import type { KnownBlock, ModalView } from "@slack/types";
import type { ImpactAssessment } from "../../../db/generated/client.js";
import type { AssessmentService } from "../../../features/assessments/assessment-service.js";
import { questionsForStep, shortStepTitle, stepLabel, type Answers } from "../../../features/assessments/questionnaire/index.js";
import { escapeMrkdwn, truncate } from "../blocks/text.js";
import { answerBlocks } from "./answer-elements.js";
import { ASSESSMENT_IDS, type StepMetadata } from "./ids.js";
import { reviewModal } from "./review-modal.js";

/** One step of the questionnaire: its section's questions, "Step 2 of 9", Back and Next. */
export function stepModal(service: AssessmentService, assessment: ImpactAssessment, stepIndex: number): ModalView {
  const { definition, steps } = service;
  const step = steps[stepIndex]!;
  const answers = assessment.answers as Answers;
  const section = definition.sections.find((candidate) => candidate.id === step.sectionId);
  const metadata: StepMetadata = { reference: assessment.reference, step: stepIndex };
  const intro: KnownBlock[] = [
    {
      type: "context",
      elements: [
        {
          type: "mrkdwn",
          text: `*${stepLabel(step, steps.length)}* · ${escapeMrkdwn(step.title)} · ${assessment.reference} · ${ASSESSMENT_WORDING.steps.savedAtNext}`,
        },
      ],
    },
  ];
  if (section?.description && step.part === 1) {
    intro.push({ type: "section", text: { type: "mrkdwn", text: escapeMrkdwn(truncate(section.description, 3000)) } });
  }
  const back: KnownBlock[] =
    stepIndex > 0
      ? [
          {
            type: "actions",
            block_id: "navigation",
            elements: [
              { type: "button", action_id: ASSESSMENT_IDS.actions.back, text: { type: "plain_text", text: ASSESSMENT_WORDING.steps.back }, value: `${assessment.reference}:${stepIndex}` },
            ],
          },
        ]
      : [];
  return {
    type: "modal",
    callback_id: ASSESSMENT_IDS.views.step,
    private_metadata: JSON.stringify(metadata),
    title: { type: "plain_text", text: shortStepTitle(step) },
    submit: { type: "plain_text", text: stepIndex + 1 < steps.length ? ASSESSMENT_WORDING.steps.next : ASSESSMENT_WORDING.review.label },
    close: { type: "plain_text", text: "Close" },
    blocks: [
      ...intro,
      ...questionsForStep(definition, step, answers).flatMap((question) => answerBlocks(definition, question, answers[question.question.id])),
      ...back,
    ],
  };
}

/** Where a draft continues: the step it reached, or the review once every step has been through. */
export function continueModal(service: AssessmentService, assessment: ImpactAssessment): ModalView {
  const step = assessment.currentStep;
  return step >= service.steps.length ? reviewModal(service, assessment) : stepModal(service, assessment, Math.max(step, 0));
}
