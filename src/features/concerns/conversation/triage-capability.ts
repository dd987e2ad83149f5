import type { Capability, FormHandler, Turn } from "../../../conversation/capability.js";
import { valueText } from "../../../conversation/capability.js";
import type { FormState, FormValues } from "../../../conversation/form.js";
import { changed, fieldErrors, type Reply, tell } from "../../../conversation/reply.js";
import { concernFailure } from "../concern-failure.js";
import type { ConcernService, TriageResult } from "../concern-service.js";
import { triageForms } from "./triage-forms.js";
import { TRIAGE_IDS } from "./triage-ids.js";
import { triageView } from "./triage-view.js";
import { triageNotifications } from "./concern-notifications.js";
import { CONCERN_WORDING as W } from "./concern-wording.js";

type Services = { concerns: ConcernService };
type TriageTurn = Turn<Services>;

/** Done: the message as it now stands (every copy is updated by the notifications). Not done: why, under `field`. */
async function answer(turn: TriageTurn, reference: string, result: TriageResult, field?: string): Promise<Reply> {
  if (result.kind === "done") return changed(triageView(result.concern, await turn.services.concerns.messages(result.concern.id)));
  const message = result.kind === "not_found" ? W.notFound(reference) : result.message;
  return field ? fieldErrors({ [field]: message }) : tell(message);
}

/** A triage form: the step runs through the core, which checks the triager and the state again. */
function triageForm(
  name: "ask" | "assign" | "close",
  field: string,
  step: (turn: TriageTurn, reference: string, values: FormValues) => Promise<TriageResult>,
): FormHandler<Services> {
  const referenceOf = (state: FormState) => String(state.reference ?? "");
  return {
    inline: true,
    form: (state) => triageForms(referenceOf(state))[name],
    refusal: (turn) => turn.services.concerns.triageRefusal(turn.actor),
    submit: async (turn, values, state) => answer(turn, referenceOf(state), await step(turn, referenceOf(state), values), field),
  };
}

/**
 * Triage of AI concerns, the same in both channels: acknowledge, ask the reporter, assign, close with an outcome.
 * Failures are logged without their details, which could tie a reporter to their report.
 */
export const triageCapability: Capability<Services> = {
  failure: concernFailure,
  notifications: triageNotifications,
  commands: [],
  actions: {
    [TRIAGE_IDS.acknowledge]: async (turn, value) => {
      const reference = valueText(value, "reference");
      return answer(turn, reference, await turn.services.concerns.acknowledge(turn.actor, reference));
    },
  },
  forms: {
    [TRIAGE_IDS.ask]: triageForm("ask", "question", (turn, reference, values) => turn.services.concerns.ask(turn.actor, reference, values.text("question"))),
    [TRIAGE_IDS.assign]: triageForm("assign", "assignee", async (turn, reference, values) => {
      const refusal = await turn.services.concerns.triageRefusal(turn.actor);
      if (refusal) return { kind: "forbidden", message: refusal };
      const assignee = await turn.person(values.text("assignee"));
      if (!assignee) return { kind: "invalid", message: W.chooseAssignee };
      return turn.services.concerns.assign(turn.actor, reference, assignee);
    }),
    [TRIAGE_IDS.close]: triageForm("close", "reason", async (turn, reference, values) => {
      const outcome = values.text("outcome");
      if (outcome !== "resolved" && outcome !== "dismissed") return { kind: "invalid", message: W.chooseOutcome };
      return turn.services.concerns.close(turn.actor, reference, outcome, values.text("reason"));
    }),
  },
};
