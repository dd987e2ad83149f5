import { ASSESSMENT_WORDING } from "../../../features/assessments/conversation/assessment-wording.js";
import type { ImpactAssessment } from "../../../db/generated/client.js";
import type { AssessmentService } from "../../../features/assessments/assessment-service.js";
import { questionsForStep, stepLabel, type Answers } from "../../../features/assessments/questionnaire/index.js";
import { adaptiveCard, executeAction, textBlock, type AdaptiveCard, type CardElement } from "../cards/adaptive-card.js";
import { truncate } from "../cards/text.js";
import { answerElements, typedValuesOf, type TypedValues } from "./answer-inputs.js";
import { ASSESSMENT_VERBS } from "./assessment-verbs.js";
import { levelLabel, reasonsBlock } from "./assessment-summary.js";

const MAX_MISSING_SHOWN = 10;
const W = ASSESSMENT_WORDING.review;

export interface StepCardOptions {
  /** What the inputs show; by default the stored answers. */
  typed?: TypedValues;
  /** Errors by question id, each shown under its question. */
  errors?: Record<string, string>;
  problem?: string;
}

/** One step of the questionnaire: its questions, "Step 2 of 9", Back and Next (which saves the step). */
export function stepCard(service: AssessmentService, assessment: ImpactAssessment, stepIndex: number, options: StepCardOptions = {}): AdaptiveCard {
  const { definition, steps } = service;
  const step = steps[stepIndex]!;
  const answers = assessment.answers as Answers;
  const questions = questionsForStep(definition, step, answers);
  const typed = options.typed ?? typedValuesOf(questions, answers);
  const section = definition.sections.find((candidate) => candidate.id === step.sectionId);
  const body: CardElement[] = [
    textBlock(`${stepLabel(step, steps.length)} · ${assessment.reference} · ${ASSESSMENT_WORDING.steps.savedAtNext}`, { size: "small", subtle: true }),
    textBlock(step.title, { size: "large", weight: "bolder" }),
  ];
  if (section?.description && step.part === 1) body.push(textBlock(truncate(section.description, 3000)));
  if (options.problem) body.push(textBlock(options.problem, { color: "attention", weight: "bolder" }));
  for (const question of questions) body.push(...answerElements(definition, question, typed, options.errors?.[question.question.id]));
  const data = { reference: assessment.reference, step: stepIndex };
  const isLast = stepIndex + 1 >= steps.length;
  return adaptiveCard(body, [
    ...(stepIndex > 0 ? [executeAction(ASSESSMENT_WORDING.steps.back, ASSESSMENT_VERBS.back, data)] : []),
    executeAction(isLast ? `${ASSESSMENT_WORDING.steps.next}: ${W.label.toLowerCase()}` : ASSESSMENT_WORDING.steps.next, ASSESSMENT_VERBS.next, data, "positive"),
  ]);
}

/** The end of the questionnaire: the impact level with the reasons, and "Send for sign-off" once nothing is missing. */
export function reviewCard(service: AssessmentService, assessment: ImpactAssessment, problem?: string): AdaptiveCard {
  const { score, missing } = service.preview(assessment);
  const stepCount = service.steps.length;
  const body: CardElement[] = [
    textBlock(`${W.label} · ${assessment.reference}`, { size: "small", subtle: true }),
    textBlock(W.impactLevel(levelLabel(score.level)), { size: "large", weight: "bolder" }),
    reasonsBlock(score.reasons),
  ];
  if (problem) body.push(textBlock(problem, { color: "attention", weight: "bolder" }));
  const back = executeAction(ASSESSMENT_WORDING.steps.back, ASSESSMENT_VERBS.back, { reference: assessment.reference, step: stepCount });
  if (missing.length > 0) {
    const firstStep = Math.max(service.steps.findIndex((step) => step.questionIds.includes(missing[0]!.questionId)), 0);
    const list = missing.slice(0, MAX_MISSING_SHOWN).map((question) => `- ${truncate(question.label, 150)}`);
    body.push(textBlock(`**${W.stillToAnswer}**`), textBlock(list.join("\n")));
    return adaptiveCard(body, [back, executeAction(W.goToStep(firstStep + 1), ASSESSMENT_VERBS.goToStep, { reference: assessment.reference, step: firstStep }, "positive")]);
  }
  body.push(textBlock(W.sendingAsks, { subtle: true }));
  return adaptiveCard(body, [back, executeAction(W.send, ASSESSMENT_VERBS.submit, { reference: assessment.reference }, "positive")]);
}

/** Where a draft continues: the step it reached, or the review once every step has been through. */
export function continueCard(service: AssessmentService, assessment: ImpactAssessment): AdaptiveCard {
  const step = assessment.currentStep;
  return step >= service.steps.length ? reviewCard(service, assessment) : stepCard(service, assessment, Math.max(step, 0));
}

/** Replaces the review once the assessment is on its way to the owners. */
export function submittedCard(assessment: ImpactAssessment): AdaptiveCard {
  return adaptiveCard([
    textBlock(
      W.withOwners(assessment.reference, levelLabel(assessment.level ?? "low"), "here", (text) => `**${text}**`),
    ),
  ]);
}

/** A card that only says something (the assessment moved on elsewhere, or is gone). */
export function noticeCard(text: string): AdaptiveCard {
  return adaptiveCard([textBlock(text)]);
}
