import type { Capability, Turn } from "../../../conversation/capability.js";
import { valueText } from "../../../conversation/capability.js";
import type { FormState, FormValues } from "../../../conversation/form.js";
import { command, context, day } from "../../../conversation/message.js";
import { fieldErrors, openForm, type Reply, show, tell } from "../../../conversation/reply.js";
import type { Roles } from "../../../core/roles.js";
import type { Prisma } from "../../../db/database.js";
import type { AssessmentService, StartTrigger } from "../assessment-service.js";
import { questionsForStep, type Answers } from "../questionnaire/index.js";
import { errorsByField, rawAnswers } from "./assessment-answer-fields.js";
import { QUESTIONNAIRE_IDS as IDS, SIGN_OFF_IDS } from "./assessment-ids.js";
import { sendBackHandler, signOffAction } from "./assessment-sign-off-handlers.js";
import { continueReply, noticeMessage, reviewReply, startReply, stepForm, submittedMessage } from "./assessment-questionnaire-views.js";
import { assessmentNotifications } from "./assessment-notifications.js";
import { assessmentSummaryBlocks } from "./assessment-summary-view.js";
import { ASSESSMENT_WORDING as W } from "./assessment-wording.js";

type Services = { assessments: AssessmentService; roles: Pick<Roles, "members" | "samePerson">; prisma: Prisma };
type AssessmentTurn = Turn<Services>;

const ASSESS = command("assess");
const stepOf = (state: FormState) => Number(state.step ?? -1);
const formOf = (reply: Reply) => (reply.kind === "form" ? reply.form : undefined);

async function picker(turn: AssessmentTurn): Promise<Reply> {
  const service = turn.services.assessments;
  const [drafts, subjects] = await Promise.all([service.openFor(turn.actor), service.listSubjects()]);
  return startReply({ drafts, ...subjects, stepCount: service.steps.length });
}

/** `assess show SYS-0001|REQ-0001|ASM-0001`: the latest result, to anyone, anywhere. */
async function showLatest(turn: AssessmentTurn, which: string): Promise<Reply> {
  if (!which) return tell(W.sayWhich(command("assess show SYS-0001")));
  const assessment = await turn.services.assessments.findForDisplay(which);
  if (!assessment) return tell(W.noAssessmentYet(which, ASSESS));
  const system = assessment.aiSystem;
  return show({
    title: W.title,
    summary: `${W.title} ${assessment.reference}`,
    blocks: [...assessmentSummaryBlocks(assessment), ...(system ? [context(W.summary.register(system.reference, system.name, day(system.nextReviewAt)))] : [])],
  });
}

/**
 * `assess`: pick what to assess or resume a draft; `assess SYS-0001|REQ-0001` starts (or resumes) straight away. The
 * answers stay between the person and the owners, so the questionnaire is never shown where others see it.
 */
async function runAssess(turn: AssessmentTurn, rest: string): Promise<Reply> {
  const [first = "", second = ""] = rest.trim().split(/\s+/);
  if (first.toLowerCase() === "show") return showLatest(turn, second);
  if (turn.shared) return tell(W.privateOnly(ASSESS));
  if (!first) return picker(turn);
  const service = turn.services.assessments;
  const result = await service.start(turn.actor, { subjectReference: first, trigger: "initial" });
  return result.kind === "started" || result.kind === "resumed" ? continueReply(service, result.assessment) : tell(result.message);
}

/** Back (to the step before the one shown) and "Go to step N": what was typed in the step being left is kept. */
async function navigate(turn: AssessmentTurn, reference: string, shown: number, target: number, typed: FormValues): Promise<Reply> {
  const service = turn.services.assessments;
  const leaving = service.steps[shown];
  const stored = leaving ? (((await service.find(reference))?.answers ?? {}) as Answers) : {};
  const opened = leaving
    ? await service.saveProgress(turn.actor, reference, shown, rawAnswers(questionsForStep(service.definition, leaving, stored), typed))
    : await service.resume(turn.actor, reference);
  if (opened.kind !== "ok") return tell(opened.message);
  return openForm(stepForm(service, opened.assessment, Math.min(Math.max(target, 0), service.steps.length - 1)));
}

async function startSubmitted(turn: AssessmentTurn, values: FormValues): Promise<Reply> {
  const subjectReference = values.text("subject");
  const trigger: StartTrigger = values.text("trigger") === "significant_change" ? "significant_change" : "initial";
  const changeDescription = values.text("change") ?? "";
  if (!subjectReference) return fieldErrors({ subject: W.picker.chooseSubject });
  if (trigger === "significant_change" && !changeDescription.trim()) return fieldErrors({ change: W.picker.sayWhatChanged });
  const service = turn.services.assessments;
  const result = await service.start(turn.actor, { subjectReference, trigger, changeDescription });
  return result.kind === "started" || result.kind === "resumed" ? continueReply(service, result.assessment) : fieldErrors({ subject: result.message });
}

/** Next: validates and saves the step, then shows the next step (or the review) in its place. */
async function stepSubmitted(turn: AssessmentTurn, values: FormValues, state: FormState): Promise<Reply> {
  const service = turn.services.assessments;
  const reference = valueText(state, "reference");
  const step = service.steps[stepOf(state)];
  const current = step ? await service.find(reference) : null;
  if (!step || !current) return show(noticeMessage(W.outOfDate(ASSESS)));
  const questions = questionsForStep(service.definition, step, current.answers as Answers);
  const result = await service.saveStep(turn.actor, reference, stepOf(state), rawAnswers(questions, values));
  switch (result.kind) {
    case "errors":
      return fieldErrors(errorsByField(questions, result.errors));
    case "saved":
      return result.nextStep === "review" ? reviewReply(service, result.assessment) : openForm(stepForm(service, result.assessment, result.nextStep));
    default:
      return show(noticeMessage(result.message));
  }
}

/** "Send for sign-off": scores and submits; the owners are asked by each channel's notifications. */
async function reviewSubmitted(turn: AssessmentTurn, state: FormState): Promise<Reply> {
  const service = turn.services.assessments;
  const reference = valueText(state, "reference");
  const result = await service.submit(turn.actor, reference);
  if (result.kind === "submitted") return show(submittedMessage(result.assessment));
  if (result.kind !== "incomplete") return show(noticeMessage(result.message));
  const current = await service.find(reference);
  return current ? reviewReply(service, current) : show(noticeMessage(W.noAssessment(reference)));
}

/**
 * Impact assessments (ISO 42001 6.1.4, 8.4), the same in both channels: the picker, one form per step, the review
 * and sending it for sign-off, and the owners' Approve and Send back on the request each channel's publisher posts.
 */
export const assessmentCapability: Capability<Services> = {
  commands: [{ name: "assess", description: W.description, run: runAssess }],
  actions: {
    [IDS.actions.resume]: async (turn, value) => {
      const opened = await turn.services.assessments.resume(turn.actor, valueText(value, "reference"));
      return opened.kind === "ok" ? continueReply(turn.services.assessments, opened.assessment) : tell(opened.message);
    },
    [IDS.actions.back]: (turn, value, typed) => navigate(turn, valueText(value, "reference"), stepOf(value), stepOf(value) - 1, typed),
    [IDS.actions.goToStep]: (turn, value, typed) => navigate(turn, valueText(value, "reference"), turn.services.assessments.steps.length, stepOf(value), typed),
    [SIGN_OFF_IDS.actions.signOff]: signOffAction,
  },
  forms: {
    [IDS.forms.start]: { form: async (_state, turn) => formOf(await picker(turn)), submit: (turn, values) => startSubmitted(turn, values) },
    [IDS.forms.step]: {
      async form(state, turn) {
        const service = turn.services.assessments;
        const assessment = await service.find(valueText(state, "reference"));
        return assessment && service.steps[stepOf(state)] ? stepForm(service, assessment, stepOf(state)) : undefined;
      },
      submit: stepSubmitted,
    },
    [IDS.forms.review]: {
      async form(state, turn) {
        const assessment = await turn.services.assessments.find(valueText(state, "reference"));
        return assessment ? formOf(reviewReply(turn.services.assessments, assessment)) : undefined;
      },
      submit: (turn, _values, state) => reviewSubmitted(turn, state),
    },
    [SIGN_OFF_IDS.forms.sendBack]: sendBackHandler,
  },
  notifications: assessmentNotifications,
};
