import type { Capability, Turn } from "../../../conversation/capability.js";
import { valueText } from "../../../conversation/capability.js";
import type { ActionValue } from "../../../conversation/message.js";
import { fieldErrors, formProblem, openForm, type Reply, show, tell } from "../../../conversation/reply.js";
import { LIFECYCLE, type Lifecycle, type RegisterEntryService } from "../register-entry-service.js";
import { detailsForm, lifecycleForm, readDetails } from "./register-forms.js";
import { REGISTER_IDS } from "./register-ids.js";
import { entryView } from "./register-views.js";
import { REGISTER_WORDING as W } from "./register-wording.js";
import { registerNotifications } from "./register-notifications.js";

type Services = { registerEntries: RegisterEntryService };
type RegisterTurn = Turn<Services>;

const isLifecycle = (change: string): change is Lifecycle => Object.hasOwn(LIFECYCLE, change);

async function entry(turn: RegisterTurn, reference: string, notice?: string): Promise<Reply> {
  const system = await turn.services.registerEntries.find(reference);
  if (!system) return tell(W.notFound(reference.trim().toUpperCase()));
  return show(entryView(system, { keeps: system.status !== "retired" && (await turn.services.registerEntries.keeps(turn.actor, system)), notice }));
}

async function refused(turn: RegisterTurn, reference: string): Promise<string | null> {
  const system = await turn.services.registerEntries.find(reference);
  if (!system) return W.notFound(reference);
  return turn.services.registerEntries.refusal(turn.actor, system);
}

/**
 * One register entry in full (`system SYS-0001`): everyone reads it and may record that they use it; its owner or an
 * AIMS owner edits its details and suspends, resumes or retires it, each with a reason. Every save checks again.
 */
export const registerCapability: Capability<Services> = {
  notifications: registerNotifications,
  commands: [
    {
      name: REGISTER_IDS.command,
      description: W.commandDescription,
      async run(turn, rest) {
        const reference = rest.trim().split(/\s+/)[0] ?? "";
        return reference ? entry(turn, reference) : tell(W.usage);
      },
    },
  ],
  actions: {
    [REGISTER_IDS.actions.editDetails]: async (turn, value) => {
      const reference = valueText(value, "reference");
      const refusal = await refused(turn, reference);
      if (refusal) return tell(refusal);
      const system = (await turn.services.registerEntries.find(reference))!;
      return openForm(detailsForm(system, valueText(value, "seen") || undefined));
    },
    ...Object.fromEntries(
      (Object.keys(REGISTER_IDS.actions.lifecycle) as Lifecycle[]).map((change) => [
        REGISTER_IDS.actions.lifecycle[change],
        async (turn: RegisterTurn, value: ActionValue) => {
          const reference = valueText(value, "reference");
          const refusal = await refused(turn, reference);
          return refusal ? tell(refusal) : openForm(lifecycleForm({ reference }, change));
        },
      ]),
    ),
    [REGISTER_IDS.actions.use]: async (turn, value) => {
      const reference = valueText(value, "reference");
      const result = await turn.services.registerEntries.recordUser(turn.actor, reference);
      return result.kind === "changed" ? tell(W.recorded(result.system.reference)) : tell(result.kind === "refused" ? result.message : W.usage);
    },
  },
  forms: {
    [REGISTER_IDS.forms.details]: {
      async form(state, turn) {
        const system = await turn.services.registerEntries.find(String(state.reference ?? ""));
        return system ? detailsForm(system, String(state.seen ?? "")) : undefined;
      },
      refusal: (turn, state) => refused(turn, String(state.reference ?? "")),
      async submit(turn, values, state) {
        const reference = String(state.reference ?? "");
        const result = await turn.services.registerEntries.updateDetails(turn.actor, reference, readDetails(values), String(state.seen ?? ""));
        if (result.kind === "invalid") return fieldErrors(result.errors);
        if (result.kind === "refused") return formProblem(result.message);
        return entry(turn, reference, W.saved(result.system.reference));
      },
    },
    [REGISTER_IDS.forms.lifecycle]: {
      form: (state) => lifecycleForm({ reference: String(state.reference ?? "") }, String(state.change ?? "")),
      refusal: (turn, state) => refused(turn, String(state.reference ?? "")),
      async submit(turn, values, state) {
        const reference = String(state.reference ?? "");
        const change = String(state.change ?? "");
        if (!isLifecycle(change)) return tell(W.usage);
        const result = await turn.services.registerEntries.changeLifecycle(turn.actor, reference, change, values.text("reason"));
        if (result.kind === "invalid") return fieldErrors(result.errors);
        if (result.kind === "refused") return formProblem(result.message);
        return entry(turn, reference, W.changed(result.system.reference, W.status[result.system.status], result.told));
      },
    },
  },
};
