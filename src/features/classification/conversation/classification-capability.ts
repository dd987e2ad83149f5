import type { Capability, Turn } from "../../../conversation/capability.js";
import { valueText } from "../../../conversation/capability.js";
import { fieldErrors, formProblem, openForm, type Reply, show, tell } from "../../../conversation/reply.js";
import type { ClassificationService } from "../classification-service.js";
import { CLASSIFICATION_IDS } from "./classification-ids.js";
import { rawAnswersOf, systemClassificationForm } from "./classification-forms.js";
import { classifiedView, unclassifiedView } from "./classification-views.js";
import { CLASSIFICATION_WORDING as W } from "./classification-wording.js";

type Services = { classification: ClassificationService };
type ClassificationTurn = Turn<Services>;

/** The classification form for an entry, or why this person may not classify it. */
async function openFor(turn: ClassificationTurn, reference: string): Promise<Reply> {
  const service = turn.services.classification;
  const system = await service.findSystem(reference);
  if (!system) return tell(W.notFound(reference.trim().toUpperCase()));
  const refusal = await service.refusal(turn.actor, system);
  if (refusal) return tell(refusal);
  return openForm(systemClassificationForm(service.definition, system));
}

/**
 * EU AI Act classification of register entries from chat: `classify` lists the entries still to classify (the
 * person's own; every one for an AIMS owner), `classify SYS-0001` opens the form. Each save checks again who may.
 */
export const classificationCapability: Capability<Services> = {
  commands: [
    {
      name: CLASSIFICATION_IDS.command,
      description: W.commandDescription,
      async run(turn, rest) {
        const reference = rest.trim().split(/\s+/)[0] ?? "";
        if (reference) return openFor(turn, reference);
        return show(unclassifiedView(await turn.services.classification.unclassified(turn.actor)));
      },
    },
  ],
  actions: {
    [CLASSIFICATION_IDS.actions.open]: (turn, value) => openFor(turn, valueText(value, "reference")),
  },
  forms: {
    [CLASSIFICATION_IDS.forms.system]: {
      async form(state, turn) {
        const system = await turn.services.classification.findSystem(String(state.reference ?? ""));
        return system ? systemClassificationForm(turn.services.classification.definition, system) : undefined;
      },
      async refusal(turn, state) {
        const system = await turn.services.classification.findSystem(String(state.reference ?? ""));
        return system ? turn.services.classification.refusal(turn.actor, system) : W.outOfDate;
      },
      async submit(turn, values, state) {
        const service = turn.services.classification;
        const result = await service.classifySystem(turn.actor, String(state.reference ?? ""), rawAnswersOf(service.definition, values));
        switch (result.kind) {
          case "invalid":
            return fieldErrors(result.errors);
          case "changed":
            return formProblem(result.message);
          case "refused":
            return tell(result.message);
          case "classified":
            return show(classifiedView(result.system, result.classification, result.suspended));
        }
      },
    },
  },
};
