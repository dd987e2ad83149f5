import type { Capability, Turn } from "../../../conversation/capability.js";
import { valueText } from "../../../conversation/capability.js";
import { person } from "../../../conversation/message.js";
import { fieldErrors, openForm, type Reply, show, tell } from "../../../conversation/reply.js";
import { DELEGATION_REFUSALS, type DelegationService } from "../delegation-service.js";
import { delegateOf } from "../delegated-places.js";
import { delegationForm } from "./delegation-forms.js";
import { DELEGATION_IDS } from "./delegation-ids.js";
import { delegationListView } from "./delegation-views.js";
import { DELEGATION_WORDING as W } from "./delegation-wording.js";
import { delegationNotifications } from "./delegation-notifications.js";

type Services = { delegations: DelegationService };
type DelegationTurn = Turn<Services>;

async function list(turn: DelegationTurn, notice?: string): Promise<Reply> {
  return show(delegationListView(await turn.services.delegations.listFor(turn.actor), notice));
}

/** The form, for a person who decides an approval stage now; anyone else is told why not. */
async function openCreate(turn: DelegationTurn): Promise<Reply> {
  const holders = await turn.services.delegations.delegableHolders(turn.actor);
  return holders.length === 0 ? tell(DELEGATION_REFUSALS.notAnApprover) : openForm(delegationForm(holders));
}

/**
 * Delegations (ISO 42001 A.3.2, A.9.2), the same in both channels: an approver names a delegate for a period, sees
 * their delegations and those they cover, and cancels one early. The delegate is told by each channel's publisher.
 */
export const delegationCapability: Capability<Services> = {
  notifications: delegationNotifications,
  commands: [{ name: "delegate", description: W.description, run: (turn, rest) => (/^list$/i.test(rest.trim()) ? list(turn) : openCreate(turn)) }],
  actions: {
    [DELEGATION_IDS.actions.list]: (turn) => list(turn),
    [DELEGATION_IDS.actions.create]: (turn) => openCreate(turn),
    [DELEGATION_IDS.actions.cancel]: async (turn, value) => {
      const result = await turn.services.delegations.cancel(turn.actor, valueText(value, "id"));
      return result.kind === "forbidden" ? tell(result.message) : list(turn, W.cancelled);
    },
  },
  forms: {
    [DELEGATION_IDS.views.create]: {
      form: async (_state, turn) => delegationForm(await turn.services.delegations.delegableHolders(turn.actor)),
      refusal: (turn) => turn.services.delegations.refusal(turn.actor),
      async submit(turn, values) {
        const delegate = (await turn.person(values.text("delegate"))) ?? null;
        const result = await turn.services.delegations.create(turn.actor, {
          delegate,
          holder: values.text("holder"),
          from: values.text("from"),
          until: values.text("until"),
          reason: values.text("reason"),
        });
        if (result.kind === "forbidden") return tell(result.message);
        if (result.kind === "invalid") return fieldErrors(Object.fromEntries(Object.entries(result.errors).filter((entry): entry is [string, string] => Boolean(entry[1]))));
        return list(turn, W.created(person(delegateOf(result.delegation))));
      },
    },
  },
};
