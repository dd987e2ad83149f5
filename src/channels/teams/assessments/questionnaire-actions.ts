import { ASSESSMENT_WORDING } from "../../../features/assessments/conversation/assessment-wording.js";
import { FIX_MARKED_ANSWERS } from "../../../conversation/reply.js";
import type { Actor } from "../../../core/actor.js";
import type { OpenResult, StartResult, StartTrigger } from "../../../features/assessments/assessment-service.js";
import { questionsForStep, type Answers } from "../../../features/assessments/questionnaire/index.js";
import type { CardActionHandler } from "../actions/card-action.js";
import { cardMessage, cardResponse, messageResponse } from "../cards/adaptive-card.js";
import type { TeamsContext } from "../context.js";
import { failureMessage } from "../reply.js";
import { rawAnswers, typedValuesFrom } from "./answer-inputs.js";
import { ASSESSMENT_VERBS, readTarget } from "./assessment-verbs.js";
import { continueCard, noticeCard, reviewCard, stepCard, submittedCard } from "./questionnaire-cards.js";
import { START_INPUTS, startCard } from "./start-card.js";
import type { TeamsTurn } from "../transport/index.js";

const OUT_OF_DATE = "That card is out of date. Send **assess** to continue.";
const text = (value: unknown) => (typeof value === "string" ? value : "");

/** The picker for `assess`: the person's drafts, pending requests and the register. */
export async function pickerCard(ctx: TeamsContext, actor: Actor, extra: Pick<Parameters<typeof startCard>[0], "typed" | "errors"> = {}) {
  const service = ctx.core.assessments;
  const [drafts, subjects] = await Promise.all([service.openFor(actor), service.listSubjects()]);
  return startCard({ drafts, ...subjects, stepCount: service.steps.length, ...extra });
}

/** "Start" on the picker: starts (or resumes) the assessment and turns the card into its first (or current) step. */
export const startAssessment: CardActionHandler = async ({ ctx, actor, data }) => {
  const typed = { subject: text(data[START_INPUTS.subject]), trigger: text(data[START_INPUTS.trigger]), change: text(data[START_INPUTS.change]) };
  const trigger: StartTrigger = typed.trigger === "significant_change" ? "significant_change" : "initial";
  const again = async (errors: Record<string, string>) => cardResponse(await pickerCard(ctx, actor, { typed, errors }));
  if (!typed.subject) return again({ subject: ASSESSMENT_WORDING.picker.chooseSubject });
  if (trigger === "significant_change" && !typed.change.trim()) return again({ change: ASSESSMENT_WORDING.picker.sayWhatChanged });
  try {
    const result = await ctx.core.assessments.start(actor, { subjectReference: typed.subject, trigger, changeDescription: typed.change });
    return result.kind === "started" || result.kind === "resumed"
      ? cardResponse(continueCard(ctx.core.assessments, result.assessment))
      : again({ subject: result.message });
  } catch (error) {
    return again({ subject: failureMessage(error, ctx.logger, { verb: ASSESSMENT_VERBS.start }) });
  }
};

/** "Resume" on the picker, or "Continue assessment" on a sent-back notice: the draft where it was left. */
export const resumeAssessment: CardActionHandler = async ({ ctx, actor, data }) => {
  try {
    const opened = await ctx.core.assessments.resume(actor, text(data.reference));
    return opened.kind === "ok" ? cardResponse(continueCard(ctx.core.assessments, opened.assessment)) : messageResponse(opened.message);
  } catch (error) {
    return messageResponse(failureMessage(error, ctx.logger, { verb: ASSESSMENT_VERBS.resume }));
  }
};

/**
 * A button that starts (or resumes) the assessment of `data.reference`: "Start assessment" on the approval gate of a
 * high-risk request, "Start re-assessment" on an AI system's re-assessment reminder. The questionnaire is private:
 * clicked in a channel, it opens in the clicker's personal chat.
 */
function startFromButton(trigger: StartTrigger, verb: string): CardActionHandler {
  return async ({ ctx, turn, actor, data }) => {
    try {
      const result = await ctx.core.assessments.start(actor, { subjectReference: text(data.reference), trigger });
      if (result.kind !== "started" && result.kind !== "resumed") return messageResponse(result.message);
      const card = continueCard(ctx.core.assessments, result.assessment);
      if (isPersonalChat(turn)) return cardResponse(card);
      const sent = await ctx.messenger.sendToUser(actor.id, cardMessage(card, `${ASSESSMENT_WORDING.title} ${result.assessment.reference}`));
      return messageResponse(
        sent
          ? `${startedWord(result)} ${result.assessment.reference}: I've put it in our personal chat, where only you see your answers.`
          : `${startedWord(result)} ${result.assessment.reference}. Message me **assess** in a personal chat to fill it in.`,
      );
    } catch (error) {
      return messageResponse(failureMessage(error, ctx.logger, { verb }));
    }
  };
}

export const startForRequest = startFromButton("initial", ASSESSMENT_VERBS.startForRequest);
/** The re-assessment planned at intervals (ISO 42001 8.4), pre-filled from the system's last signed-off assessment. */
export const startReassessment = startFromButton("scheduled", ASSESSMENT_VERBS.startReassessment);

const startedWord = (result: Extract<StartResult, { assessment: unknown }>) => (result.kind === "started" ? "Started" : "Resumed");
export const isPersonalChat = (turn: TeamsTurn) => (turn.activity.conversation?.conversationType ?? "personal") === "personal";

/**
 * Next: validates and saves the step through the service, then shows the next step (or the review) in the same card.
 * Field errors, or a failure, bring the step back with what was typed.
 */
export const nextStep: CardActionHandler = async ({ ctx, actor, data }) => {
  const service = ctx.core.assessments;
  const target = readTarget(data, "step");
  const step = target ? service.steps[target.number] : undefined;
  if (!target || !step) return messageResponse(OUT_OF_DATE);
  try {
    const current = await service.find(target.reference);
    if (!current) return messageResponse(ASSESSMENT_WORDING.noAssessment(target.reference));
    const questions = questionsForStep(service.definition, step, current.answers as Answers);
    const typed = typedValuesFrom(questions, data);
    const result = await service.saveStep(actor, target.reference, target.number, rawAnswers(questions, typed));
    switch (result.kind) {
      case "errors":
        return cardResponse(stepCard(service, current, target.number, { typed, errors: result.errors, problem: FIX_MARKED_ANSWERS }));
      case "saved":
        return cardResponse(result.nextStep === "review" ? reviewCard(service, result.assessment) : stepCard(service, result.assessment, result.nextStep));
      case "not_editable":
        return cardResponse(noticeCard(result.message));
      default:
        return messageResponse(result.message);
    }
  } catch (error) {
    const problem = failureMessage(error, ctx.logger, { verb: ASSESSMENT_VERBS.next, reference: target.reference });
    const current = await service.find(target.reference).catch(() => null);
    if (!current) return messageResponse(problem);
    const questions = questionsForStep(service.definition, step, current.answers as Answers);
    return cardResponse(stepCard(service, current, target.number, { typed: typedValuesFrom(questions, data), problem }));
  }
};

/** Back (to the step before the one shown) and "Go to step N": what was typed in the step being left is kept. */
export function navigate(direction: "back" | "to"): CardActionHandler {
  return async ({ ctx, actor, data }) => {
    const service = ctx.core.assessments;
    const target = readTarget(data, "step");
    if (!target) return messageResponse(OUT_OF_DATE);
    try {
      const opened = direction === "back" ? await keepTypedAnswers(ctx, actor, target.reference, target.number, data) : await service.resume(actor, target.reference);
      if (opened.kind !== "ok") return messageResponse(opened.message);
      const step = Math.min(Math.max(direction === "back" ? target.number - 1 : target.number, 0), service.steps.length - 1);
      return cardResponse(stepCard(service, opened.assessment, step));
    } catch (error) {
      return messageResponse(failureMessage(error, ctx.logger, { verb: `assessment.${direction}`, reference: target.reference }));
    }
  };
}

async function keepTypedAnswers(ctx: TeamsContext, actor: Actor, reference: string, shown: number, data: Record<string, unknown>): Promise<OpenResult> {
  const service = ctx.core.assessments;
  const leaving = service.steps[shown];
  if (!leaving) return service.resume(actor, reference);
  const stored = ((await service.find(reference))?.answers ?? {}) as Answers;
  const questions = questionsForStep(service.definition, leaving, stored);
  return service.saveProgress(actor, reference, shown, rawAnswers(questions, typedValuesFrom(questions, data)));
}

/** "Send for sign-off": scores and submits; the owners are asked by the notifications. */
export const submitAssessment: CardActionHandler = async ({ ctx, actor, data }) => {
  const service = ctx.core.assessments;
  const reference = text(data.reference);
  try {
    const result = await service.submit(actor, reference);
    if (result.kind === "submitted") return cardResponse(submittedCard(result.assessment));
    if (result.kind === "incomplete") {
      const current = await service.find(reference);
      return current ? cardResponse(reviewCard(service, current)) : messageResponse(ASSESSMENT_WORDING.noAssessment(reference));
    }
    return result.kind === "not_editable" ? cardResponse(noticeCard(result.message)) : messageResponse(result.message);
  } catch (error) {
    const problem = failureMessage(error, ctx.logger, { verb: ASSESSMENT_VERBS.submit, reference });
    const current = await service.find(reference).catch(() => null);
    return current ? cardResponse(reviewCard(service, current, problem)) : messageResponse(problem);
  }
};
