import { randomUUID } from "node:crypto";
import type { Actor } from "../../../core/actor.js";
import type { ActionHandler, Capability, FormHandler, Turn } from "../../../conversation/capability.js";
import { valueText } from "../../../conversation/capability.js";
import type { Form, FormState, FormValues } from "../../../conversation/form.js";
import type { ActionValue } from "../../../conversation/message.js";
import { fieldErrors, formProblem, openForm, type Reply, show, tell } from "../../../conversation/reply.js";
import type { Nonconformity } from "../../../db/generated/client.js";
import type { ImprovementService } from "../improvement-service.js";
import type { NcSource, NonconformityService } from "../nonconformity-service.js";
import { actionForm, analysisForm, checkForm, improvementForm, improvementStatusForm, raiseForm } from "./nc-forms.js";
import { NC_IDS } from "./nc-ids.js";
import { improvementsView, ncListView, ncView } from "./nc-views.js";
import { NC_WORDING as W } from "./nc-wording.js";

type Services = { nonconformities: NonconformityService; improvements: ImprovementService };
type NcTurn = Turn<Services>;
type Result = { kind: string; message?: string; errors?: Partial<Record<string, string>> };
type FollowUp = "analysis" | "action" | "check";

const referenceOf = (values: FormState | ActionValue) => String(values.reference ?? "").toUpperCase();
const REFERENCE = /^NC-\d+$/i;

/** "INC-0001" or "CON-0001" as where a nonconformity comes from; empty is by hand; anything else is no source. */
function sourceOf(text: string | undefined): NcSource | null {
  const reference = (text ?? "").trim().toUpperCase();
  if (!reference) return { kind: "manual" };
  if (/^INC-\d+$/.test(reference)) return { kind: "incident", reference };
  if (/^CON-\d+$/.test(reference)) return { kind: "concern", reference };
  return null;
}

const FOLLOW_UP_FORMS: Record<FollowUp, (nc: Nonconformity) => Form> = { analysis: analysisForm, action: actionForm, check: checkForm };

async function list(turn: NcTurn): Promise<Reply> {
  const { nonconformities } = turn.services;
  return show(ncListView(await nonconformities.listOpen(), await nonconformities.countClosed(), turn.roomy));
}

async function view(turn: NcTurn, reference: string): Promise<Reply> {
  const nc = await turn.services.nonconformities.details(reference);
  return nc ? show(ncView(nc, turn.roomy)) : tell(W.notFound(reference));
}

async function improvementLog(turn: NcTurn, notice?: string): Promise<Reply> {
  return show(improvementsView(await turn.services.improvements.list(), notice, turn.roomy));
}

/** A core result of a submitted form: field errors, a refusal above the form, or the nonconformity as it now stands. */
async function answer(turn: NcTurn, reference: string, result: Result): Promise<Reply> {
  if (result.kind === "invalid" && result.errors) return fieldErrors(Object.fromEntries(Object.entries(result.errors).filter((entry): entry is [string, string] => Boolean(entry[1]))));
  if (["not_found", "forbidden", "refused"].includes(result.kind)) return formProblem(result.message ?? W.notFound(reference));
  return view(turn, reference);
}

/** Why this person may not open this follow-up form now, or null; the service checks again on save. */
async function followUpRefusal(turn: NcTurn, nc: Nonconformity, kind: FollowUp): Promise<string | null> {
  const refusal = await turn.services.nonconformities.changeRefusal(turn.actor, nc);
  if (refusal) return refusal;
  if (nc.status === "closed") return `${nc.reference} is closed, so its record is final.`;
  return kind === "check" && nc.status !== "checking" ? W.checkNotYet : null;
}

const opener =
  (kind: FollowUp): ActionHandler<Services> =>
  async (turn, value) => {
    const reference = referenceOf(value);
    const nc = await turn.services.nonconformities.details(reference);
    if (!nc) return tell(W.notFound(reference));
    const refusal = await followUpRefusal(turn, nc, kind);
    return refusal ? tell(refusal) : openForm(FOLLOW_UP_FORMS[kind](nc));
  };

const rawOf = (form: Form, values: FormValues) => Object.fromEntries(form.fields.map((field) => [field.id, values.text(field.id)]));

function followUpForm(kind: FollowUp, save: (turn: NcTurn, reference: string, raw: Record<string, string | undefined>, owner: Actor | undefined) => Promise<Result>): FormHandler<Services> {
  const formOf = async (turn: NcTurn, state: FormState) => {
    const nc = await turn.services.nonconformities.details(referenceOf(state));
    return nc ? FOLLOW_UP_FORMS[kind](nc) : undefined;
  };
  return {
    form: (state, turn) => formOf(turn, state),
    async submit(turn, values, state) {
      const form = await formOf(turn, state);
      const reference = referenceOf(state);
      if (!form) return formProblem(W.notFound(reference));
      const owner = form.fields.some((field) => field.kind === "person") ? await turn.person(values.text("ownerId")) : undefined;
      return answer(turn, reference, await save(turn, reference, rawOf(form, values), owner));
    },
  };
}

/** `nc raise INC-0001`: the form, started from the incident or concern when this person may raise one from it. */
async function openRaise(turn: NcTurn, sourceText: string | undefined): Promise<Reply> {
  const source = sourceOf(sourceText);
  if (!source) return tell(W.raiseForm.badSource);
  if (source.kind === "manual") return openForm(raiseForm(randomUUID()));
  const refusal = await turn.services.nonconformities.sourceRefusal(turn.actor, source);
  if (refusal) return tell(refusal);
  return openForm(raiseForm(randomUUID(), { source: source.reference, ...(await turn.services.nonconformities.sourceDraft(source)) }));
}

async function runNc(turn: NcTurn, rest: string): Promise<Reply> {
  const [word, argument, ...extra] = rest.trim().split(/\s+/).filter(Boolean);
  if (!word || word.toLowerCase() === "list") return list(turn);
  if (word.toLowerCase() === "raise" && extra.length === 0) return openRaise(turn, argument);
  if (REFERENCE.test(word) && !argument) return view(turn, word.toUpperCase());
  return tell(W.unknownCommand);
}

async function runImprovements(turn: NcTurn, rest: string): Promise<Reply> {
  const word = rest.trim().toLowerCase();
  if (word === "add") return openForm(improvementForm(randomUUID()));
  return improvementLog(turn);
}

/**
 * Nonconformities and corrective actions (10.2) and the continual-improvement log (10.1), the same in both channels:
 * the list, one view per nonconformity with its buttons, and the forms to raise one, record the reaction and root
 * cause, add corrective actions with an owner and a deadline, record the effectiveness check, and log improvements.
 */
export const nonconformityCapability: Capability<Services> = {
  commands: [
    { name: "nc", description: W.description, run: runNc },
    { name: "improvements", description: W.improvementsDescription, run: runImprovements },
  ],
  actions: {
    [NC_IDS.list]: (turn) => list(turn),
    [NC_IDS.show]: (turn, value) => view(turn, referenceOf(value)),
    [NC_IDS.raiseForm]: async () => openForm(raiseForm(randomUUID())),
    [NC_IDS.analysisForm]: opener("analysis"),
    [NC_IDS.actionForm]: opener("action"),
    [NC_IDS.checkForm]: opener("check"),
    [NC_IDS.actionDone]: async (turn, value) => {
      const result = await turn.services.nonconformities.markActionDone(turn.actor, Number(valueText(value, "action")));
      return result.kind === "updated" ? view(turn, result.nonconformity.reference) : tell(result.message);
    },
    [NC_IDS.improvementFromNcForm]: async (turn, value) => {
      const reference = referenceOf(value);
      const nc = await turn.services.nonconformities.details(reference);
      if (!nc) return tell(W.notFound(reference));
      const refusal = await turn.services.nonconformities.changeRefusal(turn.actor, nc);
      return refusal ? tell(refusal) : openForm(improvementForm(randomUUID(), nc.reference));
    },
    [NC_IDS.improvements]: (turn) => improvementLog(turn),
    [NC_IDS.improvementForm]: async () => openForm(improvementForm(randomUUID())),
    [NC_IDS.improvementStatusForm]: async (turn, value) => {
      const improvement = await turn.services.improvements.find(referenceOf(value));
      if (!improvement) return tell(`There is no improvement ${referenceOf(value)}.`);
      const refusal = await turn.services.improvements.changeRefusal(turn.actor, improvement);
      return refusal ? tell(refusal) : openForm(improvementStatusForm(improvement));
    },
  },
  forms: {
    [NC_IDS.raise]: {
      form: (state) => raiseForm(String(state.formId ?? randomUUID())),
      async submit(turn, values, state) {
        const source = sourceOf(values.text("source"));
        if (!source) return fieldErrors({ source: W.raiseForm.badSource });
        const owner = await turn.person(values.text("ownerId"));
        const raw = { description: values.text("description"), reaction: values.text("reaction") };
        const result = await turn.services.nonconformities.raise(turn.actor, raw, owner, source, `${turn.actor.channel}:${String(state.formId ?? randomUUID())}`);
        if (result.kind === "forbidden" || result.kind === "not_found" || result.kind === "refused") return fieldErrors({ source: result.message });
        return answer(turn, result.kind === "raised" ? result.nonconformity.reference : "", result);
      },
    },
    [NC_IDS.analysis]: followUpForm("analysis", (turn, reference, raw) => turn.services.nonconformities.recordAnalysis(turn.actor, reference, raw)),
    [NC_IDS.addAction]: followUpForm("action", (turn, reference, raw, owner) => turn.services.nonconformities.addAction(turn.actor, reference, raw, owner)),
    [NC_IDS.check]: followUpForm("check", (turn, reference, raw) => turn.services.nonconformities.recordCheck(turn.actor, reference, raw)),
    [NC_IDS.addImprovement]: {
      form: (state) => improvementForm(String(state.formId ?? randomUUID()), state.nonconformity ? String(state.nonconformity) : undefined),
      async submit(turn, values, state) {
        const nonconformity = state.nonconformity ? String(state.nonconformity) : undefined;
        const raw = { title: values.text("title"), description: values.text("description") };
        const result = await turn.services.improvements.record(turn.actor, raw, `${turn.actor.channel}:${String(state.formId ?? randomUUID())}`, nonconformity);
        if (result.kind !== "recorded") return answer(turn, nonconformity ?? "", result);
        return nonconformity ? view(turn, nonconformity) : improvementLog(turn, W.improvementRecorded(result.improvement.reference));
      },
    },
    [NC_IDS.improvementStatus]: {
      form: async (state, turn) => {
        const improvement = await turn.services.improvements.find(referenceOf(state));
        return improvement ? improvementStatusForm(improvement) : undefined;
      },
      async submit(turn, values, state) {
        const result = await turn.services.improvements.setStatus(turn.actor, referenceOf(state), { status: values.text("status"), note: values.text("note") });
        if (result.kind !== "recorded") return answer(turn, referenceOf(state), result);
        return improvementLog(turn);
      },
    },
  },
};
