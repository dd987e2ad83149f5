import type { Form } from "../../../conversation/form.js";
import { section } from "../../../conversation/message.js";
import type { TrainingModule } from "../training-module.js";
import { TRAINING_IDS } from "./training-ids.js";
import { TRAINING_WORDING as W } from "./training-wording.js";

/** The quiz: one single-choice question per field, the module version and campaign in its state; scored on the server. */
export function quizForm(module: TrainingModule, campaignId: number | null): Form {
  return {
    id: TRAINING_IDS.views.quiz,
    title: W.quizTitle,
    submit: W.submit,
    intro: [section([`**${module.title}**`, W.quizIntro(module.passMark)])],
    fields: module.questions.map((question) => ({
      kind: "select" as const,
      radio: true,
      id: question.id,
      label: question.text,
      options: question.options.map((option) => ({ value: option.id, label: option.text })),
    })),
    state: { moduleId: module.id, version: module.version, ...(campaignId ? { campaignId } : {}) },
  };
}
