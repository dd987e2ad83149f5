import type { Capability, Turn } from "../../../conversation/capability.js";
import { valueText } from "../../../conversation/capability.js";
import type { FormState } from "../../../conversation/form.js";
import type { ActionValue } from "../../../conversation/message.js";
import { openForm, type Reply, show, tell } from "../../../conversation/reply.js";
import type { TrainingService } from "../training-service.js";
import { quizForm } from "./training-forms.js";
import { TRAINING_IDS } from "./training-ids.js";
import { lessonsView, resultView, trainingListView } from "./training-views.js";
import { TRAINING_WORDING as W } from "./training-wording.js";

type TrainingTurn = Turn<{ training: TrainingService }>;

/** The module version and campaign a click or a quiz carries. */
function chosen(value: ActionValue | FormState) {
  const campaignId = Number(valueText(value, "campaignId"));
  return { moduleId: valueText(value, "moduleId"), version: Number(valueText(value, "version")), campaignId: campaignId > 0 ? campaignId : null };
}

function withModule(turn: TrainingTurn, value: ActionValue, reply: (module: NonNullable<ReturnType<TrainingService["module"]>>, campaignId: number | null) => Reply): Reply {
  const { moduleId, version, campaignId } = chosen(value);
  const module = turn.services.training.module(moduleId, version);
  return module ? reply(module, campaignId) : tell(W.unknownModule);
}

/**
 * AI-literacy training in chat (ISO 42001 7.2, 7.3, A.4.6): the lessons, then a quiz scored on the server, with the
 * right answers explained and a retry until passed; `/aims training` lists what the person must take.
 */
export const trainingCapability: Capability<{ training: TrainingService }> = {
  commands: [
    {
      name: "training",
      description: W.command,
      run: async (turn) => show(trainingListView(await turn.services.training.statusOf(turn.actor))),
    },
  ],
  actions: {
    [TRAINING_IDS.actions.start]: async (turn, value) => withModule(turn, value, (module, campaignId) => show(lessonsView(module, campaignId))),
    [TRAINING_IDS.actions.quiz]: async (turn, value) => withModule(turn, value, (module, campaignId) => openForm(quizForm(module, campaignId))),
  },
  forms: {
    [TRAINING_IDS.views.quiz]: {
      form: (state, turn) => {
        const { moduleId, version, campaignId } = chosen(state);
        const module = turn.services.training.module(moduleId, version);
        return module ? quizForm(module, campaignId) : undefined;
      },
      async submit(turn, values, state) {
        const { moduleId, version, campaignId } = chosen(state);
        const module = turn.services.training.module(moduleId, version);
        if (!module) return tell(W.unknownModule);
        const answers = Object.fromEntries(module.questions.map((question) => [question.id, values.text(question.id) || undefined]));
        const result = await turn.services.training.answer(turn.actor, moduleId, version, answers, campaignId);
        if (result.kind === "unknown") return tell(W.unknownModule);
        const completion = result.kind === "passed" ? { record: result.completion, already: result.already } : null;
        return show(resultView(result.module, result.score, completion, campaignId));
      },
    },
  },
};
