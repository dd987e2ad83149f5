import { ASSESSMENT_WORDING } from "../../../features/assessments/conversation/assessment-wording.js";
import { continueReply } from "../../../features/assessments/conversation/assessment-questionnaire-views.js";
import type { AssessmentService, StartResult, StartTrigger } from "../../../features/assessments/assessment-service.js";
import type { ImpactAssessment } from "../../../db/generated/client.js";
import type { CardActionHandler } from "../actions/card-action.js";
import { cardMessage, cardResponse, messageResponse, type AdaptiveCard } from "../cards/adaptive-card.js";
import { adaptiveCardForm } from "../conversation/adaptive-card-form.js";
import { adaptiveCardOf } from "../conversation/adaptive-card-message.js";
import { failureMessage } from "../reply.js";
import { ASSESSMENT_VERBS } from "./assessment-verbs.js";
import type { TeamsTurn } from "../transport/index.js";

const text = (value: unknown) => (typeof value === "string" ? value : "");

/** Where a draft continues, as a card. */
function continueCard(service: AssessmentService, assessment: ImpactAssessment): AdaptiveCard {
  const reply = continueReply(service, assessment);
  if (reply.kind === "form") return adaptiveCardForm(reply.form);
  if (reply.kind === "show") return adaptiveCardOf(reply.message);
  throw new Error(`an assessment continues in a form or a view, not a ${reply.kind}`);
}

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
const isPersonalChat = (turn: TeamsTurn) => (turn.activity.conversation?.conversationType ?? "personal") === "personal";
