import type { Form } from "../../../conversation/form.js";
import { type Block, type Button, context, type Message, muted, section, truncate } from "../../../conversation/message.js";
import { openForm, type Reply, show } from "../../../conversation/reply.js";
import type { ImpactAssessment } from "../../../db/generated/client.js";
import type { AssessmentService } from "../assessment-service.js";
import { questionsForStep, shortStepTitle, stepLabel, type Answers } from "../questionnaire/index.js";
import { answerFields } from "./assessment-answer-fields.js";
import { QUESTIONNAIRE_IDS as IDS } from "./assessment-ids.js";
import { levelLabel } from "./assessment-summary-view.js";
import { ASSESSMENT_WORDING } from "./assessment-wording.js";

const W = ASSESSMENT_WORDING.steps;
const R = ASSESSMENT_WORDING.review;
const MAX_MISSING_SHOWN = 10;
const SECTION_MAX = 3000;

const bullets = (lines: readonly string[]) => truncate(lines.map((line) => `• ${line}`).join("\n"), SECTION_MAX);
const backTo = (reference: string, shown: number): Button => ({ label: W.back, action: IDS.actions.back, value: { reference, step: shown } });

/** One step of the questionnaire: its section's questions, "Step 2 of 9", Back and Next (which saves the step). */
export function stepForm(service: AssessmentService, assessment: ImpactAssessment, stepIndex: number): Form {
  const { definition, steps } = service;
  const step = steps[stepIndex]!;
  const answers = assessment.answers as Answers;
  const described = definition.sections.find((candidate) => candidate.id === step.sectionId)?.description;
  const intro: Block[] = [context(`**${stepLabel(step, steps.length)}** · ${step.title} · ${assessment.reference} · ${W.savedAtNext}`)];
  if (described && step.part === 1) intro.push(section([truncate(described, SECTION_MAX)]));
  return {
    id: IDS.forms.step,
    title: shortStepTitle(step),
    submit: stepIndex + 1 < steps.length ? W.next : R.label,
    intro,
    fields: questionsForStep(definition, step, answers).flatMap((question) => answerFields(definition, question, answers[question.question.id])),
    state: { reference: assessment.reference, step: stepIndex },
    actions: stepIndex > 0 ? [backTo(assessment.reference, stepIndex)] : [],
    page: true,
  };
}

/**
 * The end of the questionnaire: the impact level the answers give, with the reasons. A form sending it for sign-off
 * once nothing is missing; otherwise what is still to answer and a button to the first step that asks it.
 */
export function reviewReply(service: AssessmentService, assessment: ImpactAssessment): Reply {
  const { score, missing } = service.preview(assessment);
  const { reference } = assessment;
  const stepCount = service.steps.length;
  const blocks: Block[] = [
    context(`**${R.label}** · ${reference}`),
    section([`**${R.impactLevel(levelLabel(score.level))}**`]),
    section([bullets(score.reasons)]),
  ];
  if (missing.length > 0) {
    const firstStep = Math.max(service.steps.findIndex((step) => step.questionIds.includes(missing[0]!.questionId)), 0);
    blocks.push(section([`**${R.stillToAnswer}**\n${bullets(missing.slice(0, MAX_MISSING_SHOWN).map((question) => truncate(question.label, 150)))}`]));
    const goTo: Button = { label: R.goToStep(firstStep + 1), action: IDS.actions.goToStep, value: { reference, step: firstStep }, style: "primary" };
    return show({ title: R.title, summary: R.impactLevel(levelLabel(score.level)), blocks, actions: [backTo(reference, stepCount), goTo] });
  }
  blocks.push(context(R.sendingAsks));
  return openForm({ id: IDS.forms.review, title: R.title, submit: R.send, intro: blocks, fields: [], state: { reference }, actions: [backTo(reference, stepCount)], page: true });
}

/** Where a draft continues: the step it reached, or the review once every step has been through. */
export function continueReply(service: AssessmentService, assessment: ImpactAssessment): Reply {
  const step = assessment.currentStep;
  return step >= service.steps.length ? reviewReply(service, assessment) : openForm(stepForm(service, assessment, Math.max(step, 0)));
}

/** Shown in place of the review once the assessment is on its way to the owners. */
export function submittedMessage(assessment: ImpactAssessment): Message {
  const text = R.withOwners(assessment.reference, levelLabel(assessment.level ?? "low"));
  return { title: R.sentTitle, summary: text, blocks: [section([text])] };
}

/** A view that only says something (the assessment moved on elsewhere, or is gone). */
export const noticeMessage = (text: string): Message => ({ title: ASSESSMENT_WORDING.title, summary: text, blocks: [section([text])] });

export interface StartChoices {
  drafts: readonly ImpactAssessment[];
  requests: readonly { reference: string; toolName: string }[];
  systems: readonly { reference: string; name: string }[];
  stepCount: number;
}

function draftBlock(draft: ImpactAssessment, stepCount: number): Block {
  const P = ASSESSMENT_WORDING.picker;
  const comments = draft.status === "sent_back" && draft.reviewComments ? `\n“${truncate(draft.reviewComments, 300)}”` : "";
  return section([`**${draft.reference}** · ${P.draftState(draft.status)} · ${P.draftStep(Math.min(draft.currentStep + 1, stepCount), stepCount)}${comments}`], {
    id: `draft:${draft.reference}`,
    button: { label: P.resume, action: IDS.actions.resume, value: { reference: draft.reference } },
  });
}

/** `assess`: continue a draft, or pick a system from the register or a pending request, new or "something changed". */
export function startReply(choices: StartChoices): Reply {
  const P = ASSESSMENT_WORDING.picker;
  const drafts = choices.drafts.map((draft) => draftBlock(draft, choices.stepCount));
  const options = [
    ...choices.requests.map((request) => ({ value: request.reference, label: P.requestOption(request.reference, request.toolName) })),
    ...choices.systems.map((system) => ({ value: system.reference, label: P.systemOption(system.reference, system.name) })),
  ];
  const continuing: Block[] = drafts.length > 0 ? [section([`**${P.continueDrafts}**`]), ...drafts] : [];
  if (options.length === 0) {
    return show({ title: ASSESSMENT_WORDING.title, summary: P.nothingToAssess, blocks: [...continuing, section([P.nothingToAssess])] });
  }
  return openForm({
    id: IDS.forms.start,
    title: ASSESSMENT_WORDING.title,
    submit: P.start,
    intro: drafts.length > 0 ? [...continuing, { kind: "divider" }, section([`**${P.startNew}**`])] : [section([muted(P.intro)])],
    fields: [
      { kind: "select", id: "subject", label: P.subject, options },
      {
        kind: "select",
        id: "trigger",
        label: P.trigger,
        radio: true,
        initial: "initial",
        options: [
          { value: "initial", label: P.initial },
          { value: "significant_change", label: P.significantChange },
        ],
      },
      { kind: "text", id: "change", label: P.whatChanged, hint: P.changeHint, multiline: true, maxLength: 1000, optional: true },
    ],
  });
}
