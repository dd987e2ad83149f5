import { type Capability, type Turn, valueText } from "../../../conversation/capability.js";
import type { FormState, FormValues } from "../../../conversation/form.js";
import { changed, done, fieldErrors, formProblem, openForm, type Reply, tell } from "../../../conversation/reply.js";
import type { RequestService, ResubmitResult } from "../request-service.js";
import { readRenewal, renewalForm } from "./renewal-forms.js";
import { REQUEST_IDS } from "./request-ids.js";
import { editRequest, newRequestForm, rawRequestOf, requestForm } from "./request-forms.js";
import { receiptView } from "./request-views.js";
import { REQUEST_WORDING as W } from "./request-wording.js";
import { requestNotifications } from "./request-notifications.js";

type Services = { requests: RequestService };

/** "REQ-0001 the rest" → the reference (upper-cased) and the rest, or null without a reference. */
function referenceAndRest(text: string): { reference: string; rest: string } | null {
  const match = /^\s*(req-\d{1,9})\b\s*([\s\S]*)$/i.exec(text);
  return match ? { reference: match[1]!.toUpperCase(), rest: match[2]!.trim() } : null;
}

async function withdraw(turn: Turn<Services>, rest: string): Promise<Reply> {
  const target = referenceAndRest(rest);
  if (!target) return tell(W.withdrawUsage);
  const result = await turn.services.requests.withdraw(turn.actor, target.reference);
  return tell(result.kind === "done" ? W.withdrawn(target.reference) : result.message);
}

async function reopen(turn: Turn<Services>, rest: string): Promise<Reply> {
  const target = referenceAndRest(rest);
  if (!target) return tell(W.reopenUsage);
  const result = await turn.services.requests.reopen(turn.actor, target.reference, target.rest);
  return tell(result.kind === "done" ? W.reopened(target.reference) : result.message);
}

/** A new request filed from its form; the form's key makes a second submit of it the same request. */
async function submit(turn: Turn<Services>, values: FormValues, state: FormState): Promise<Reply> {
  const formId = typeof state.formId === "string" && state.formId ? state.formId : null;
  if (!formId) return tell(W.formOutOfDate);
  return filed(await turn.services.requests.submit(turn.actor, rawRequestOf(values), `${turn.actor.channel}:${formId}`));
}

async function resubmit(turn: Turn<Services>, values: FormValues, state: FormState): Promise<Reply> {
  return filed(await turn.services.requests.resubmit(turn.actor, String(state.reference ?? ""), rawRequestOf(values)));
}

/** Filed: the form closes (Slack) or becomes the receipt (Teams); the approvers' messages come from the publishers. */
function filed(result: ResubmitResult): Reply {
  if (result.ok) return changed(receiptView(result.request));
  if ("errors" in result) return fieldErrors(Object.fromEntries(Object.entries(result.errors).filter((entry): entry is [string, string] => Boolean(entry[1]))));
  return formProblem(result.message);
}

/** The renewal form for a register entry, or why this person may not renew it. */
async function renewal(turn: Turn<Services>, reference: string, state?: FormState) {
  const found = await turn.services.requests.renewals.renewable(turn.actor, reference);
  if ("refused" in found) return found;
  return { form: renewalForm(found.system, turn.services.requests.renewals.prefill(found.system, found.original), state) };
}

/**
 * AI tool requests, written once for both chats: the form (new, or edited and resubmitted after an approver asked
 * for changes), then the requester withdraws it, an AIMS owner reopens a decided one with a reason; the owner of an
 * approval that ends asks to renew it (a short request filled from the original). The messages that follow come from
 * each channel's publisher.
 */
export const requestCapability: Capability<Services> = {
  notifications: requestNotifications,
  commands: [
    { name: "withdraw", description: W.withdrawDescription, run: withdraw },
    { name: "reopen", description: W.reopenDescription, run: reopen },
  ],
  actions: {
    [REQUEST_IDS.openForm]: async () => openForm(newRequestForm()),
    [REQUEST_IDS.edit]: (turn, value) => editRequest(turn.services.requests, turn.actor, valueText(value, "reference")),
    [REQUEST_IDS.renew]: async (turn, value) => {
      const found = await renewal(turn, valueText(value, "reference"));
      return "refused" in found ? tell(found.refused) : openForm(found.form);
    },
  },
  forms: {
    // The state a chat sends back may hold the answers too (Teams): the form keeps only its key.
    [REQUEST_IDS.submit]: { form: (state) => requestForm({ id: REQUEST_IDS.submit, state: { formId: valueText(state, "formId") } }), retryable: true, submit },
    [REQUEST_IDS.resubmit]: {
      form: (state) => requestForm({ id: REQUEST_IDS.resubmit, state: { reference: valueText(state, "reference") }, editing: valueText(state, "reference") }),
      retryable: true,
      submit: resubmit,
    },
    [REQUEST_IDS.submitRenewal]: {
      async form(state, turn) {
        const found = await renewal(turn, String(state.reference ?? ""), state);
        return "form" in found ? found.form : undefined;
      },
      async refusal(turn, state) {
        const found = await turn.services.requests.renewals.renewable(turn.actor, String(state.reference ?? ""));
        return "refused" in found ? found.refused : null;
      },
      async submit(turn, values, state) {
        const reference = String(state.reference ?? "");
        const result = await turn.services.requests.renewals.request(turn.actor, reference, readRenewal(values), String(state.key ?? ""));
        if (result.ok) return done(W.renewalFiled(result.request.reference, reference.toUpperCase()));
        return "errors" in result ? fieldErrors(result.errors as Record<string, string>) : formProblem(result.message);
      },
    },
  },
};
