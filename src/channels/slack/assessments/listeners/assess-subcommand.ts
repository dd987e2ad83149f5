import { ASSESSMENT_WORDING } from "../../../../features/assessments/conversation/assessment-wording.js";
import type { Subcommand } from "../../listeners/subcommands/subcommand.js";
import { assessmentSummaryBlocks } from "../summary-blocks.js";
import { startModal } from "../start-modal.js";
import { continueModal } from "../step-modal.js";
import { formatDate } from "../../blocks/text.js";

/**
 * `/aims assess`: pick what to assess or resume a draft; `/aims assess SYS-0001|REQ-0001` starts (or resumes)
 * straight away; `/aims assess show SYS-0001|REQ-0001|ASM-0001` shows the latest result to anyone.
 */
export const assessSubcommand: Subcommand = {
  name: "assess",
  usage: "/aims assess [show SYS-0001]",
  description: "Assess the impact of an AI system (ISO 42001 6.1.4), continue your draft, or read a signed-off assessment.",
  async handle({ ctx, actor, rest, command, client, respond }) {
    const service = ctx.core.assessments;
    const [first = "", second = ""] = rest.split(/\s+/);
    if (first.toLowerCase() === "show") {
      const assessment = second ? await service.findForDisplay(second) : null;
      if (!assessment) {
        await respond({ response_type: "ephemeral", text: second ? ASSESSMENT_WORDING.noAssessmentYet(second, "`/aims assess`") : ASSESSMENT_WORDING.sayWhich("`/aims assess show SYS-0001`") });
        return;
      }
      const register = assessment.aiSystem
        ? ASSESSMENT_WORDING.summary.register(assessment.aiSystem.reference, assessment.aiSystem.name, formatDate(assessment.aiSystem.nextReviewAt))
        : "";
      await respond({ response_type: "ephemeral", text: `${ASSESSMENT_WORDING.title} ${assessment.reference}. ${register}`.trim(), blocks: assessmentSummaryBlocks(assessment) });
      return;
    }
    if (first) {
      const result = await service.start(actor, { subjectReference: first, trigger: "initial" });
      if (result.kind === "started" || result.kind === "resumed") {
        await client.views.open({ trigger_id: command.trigger_id, view: continueModal(service, result.assessment) });
      } else {
        await respond({ response_type: "ephemeral", text: result.message });
      }
      return;
    }
    const [drafts, subjects] = await Promise.all([service.openFor(actor), service.listSubjects()]);
    await client.views.open({ trigger_id: command.trigger_id, view: startModal({ drafts, ...subjects, stepCount: service.steps.length }) });
  },
};
