import { ASSESSMENT_WORDING } from "../../../features/assessments/conversation/assessment-wording.js";
import { adaptiveCard, cardMessage, markdownMessage, textBlock } from "../cards/adaptive-card.js";
import { formatDate } from "../cards/text.js";
import { typedText, type TeamsCommand } from "../commands/command.js";
import { assessmentSummary } from "./assessment-summary.js";
import { continueCard } from "./questionnaire-cards.js";
import { isPersonalChat, pickerCard } from "./questionnaire-actions.js";

const PRIVATE_ONLY = "Impact assessments are filled in our personal chat, so your answers stay between us and the AIMS owners: message me **assess** there.";

/**
 * `assess`: pick what to assess or resume a draft; `assess SYS-0001|REQ-0001` starts (or resumes) straight away;
 * `assess show SYS-0001|REQ-0001|ASM-0001` shows the latest result to anyone, anywhere.
 */
export const assessCommand: TeamsCommand = {
  name: "assess",
  description:
    "Assess the impact of an AI system (ISO 42001 6.1.4), continue your draft, or report that something changed. `assess show SYS-0001` shows the latest assessment.",
  async handle({ ctx, turn, actor }) {
    const say = (text: string) => turn.send(markdownMessage(text));
    const service = ctx.core.assessments;
    const text = typedText(turn.activity);
    const [, first = "", second = ""] = text.split(/\s+/);
    if (first.toLowerCase() === "show") {
      const assessment = second ? await service.findForDisplay(second) : null;
      if (!assessment) {
        await say(second ? ASSESSMENT_WORDING.noAssessmentYet(second, "**assess**") : ASSESSMENT_WORDING.sayWhich("**assess show SYS-0001**"));
        return;
      }
      const register = assessment.aiSystem
        ? [textBlock(ASSESSMENT_WORDING.summary.register(assessment.aiSystem.reference, assessment.aiSystem.name, formatDate(assessment.aiSystem.nextReviewAt)), { subtle: true })]
        : [];
      await turn.send(cardMessage(adaptiveCard([...assessmentSummary(assessment), ...register]), `${ASSESSMENT_WORDING.title} ${assessment.reference}`));
      return;
    }
    if (!isPersonalChat(turn)) {
      await say(PRIVATE_ONLY);
      return;
    }
    if (first) {
      const result = await service.start(actor, { subjectReference: first, trigger: "initial" });
      if (result.kind === "started" || result.kind === "resumed") {
        await turn.send(cardMessage(continueCard(service, result.assessment), `${ASSESSMENT_WORDING.title} ${result.assessment.reference}`));
      } else {
        await say(result.message);
      }
      return;
    }
    await turn.send(cardMessage(await pickerCard(ctx, actor), "AI system impact assessment"));
  },
};
