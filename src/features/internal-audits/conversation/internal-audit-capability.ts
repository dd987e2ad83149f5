import type { Clock } from "../../../core/clock.js";
import type { Capability, Turn } from "../../../conversation/capability.js";
import { valueText } from "../../../conversation/capability.js";
import type { FormState, FormValues } from "../../../conversation/form.js";
import { fieldErrors, formProblem, openForm, type Reply, show, tell } from "../../../conversation/reply.js";
import { scopeItem } from "../audit-scope.js";
import type { InternalAuditService } from "../internal-audit-service.js";
import { findingForm, planForm } from "./internal-audit-forms.js";
import { AUDIT_IDS } from "./internal-audit-ids.js";
import { checklistFor, programmeView } from "./internal-audit-views.js";
import { AUDIT_WORDING as W } from "./internal-audit-wording.js";

type Services = { internalAudits: InternalAuditService; clock: Clock };
type AuditTurn = Turn<Services>;

const referenceOf = (values: FormState) => String(values.reference ?? "").toUpperCase();

async function programme(turn: AuditTurn, notice?: string): Promise<Reply> {
  const { internalAudits } = turn.services;
  const canPlan = (await internalAudits.planRefusal(turn.actor)) === null;
  return show(programmeView(await internalAudits.programme(), { canPlan, ...(notice ? { notice } : {}) }));
}

/** The audit's checklist as it now stands, whole or the group asked for, as the channel has room. */
async function checklist(turn: AuditTurn, reference: string, options: { group?: string; notice?: string } = {}): Promise<Reply> {
  const { internalAudits } = turn.services;
  const audit = await internalAudits.details(reference);
  if (!audit) return tell(W.notFound(reference));
  return show(checklistFor(turn.roomy, audit, await internalAudits.checklist(audit), options));
}

async function openPlan(turn: AuditTurn): Promise<Reply> {
  const refusal = await turn.services.internalAudits.planRefusal(turn.actor);
  return refusal ? tell(refusal) : openForm(planForm(turn.services.clock.now()));
}

/** The finding form of one item, for the auditor of an audit in progress. */
async function openFinding(turn: AuditTurn, reference: string, item: string): Promise<Reply> {
  const { internalAudits } = turn.services;
  const audit = await internalAudits.details(reference);
  if (!audit) return tell(W.notFound(reference));
  const refusal = await internalAudits.findingRefusal(turn.actor, audit);
  if (refusal) return tell(refusal);
  const line = (await internalAudits.checklist(audit)).find((entry) => entry.item.id === item);
  return line ? openForm(findingForm(audit, line)) : tell(W.notFound(reference));
}

async function findingFormOf(turn: AuditTurn, state: FormState) {
  const { internalAudits } = turn.services;
  const audit = await internalAudits.details(referenceOf(state));
  const line = audit ? (await internalAudits.checklist(audit)).find((entry) => entry.item.id === String(state.item ?? "")) : undefined;
  return audit && line ? findingForm(audit, line) : undefined;
}

const move =
  (change: "start" | "report") =>
  async (turn: AuditTurn, value: FormState): Promise<Reply> => {
    const reference = referenceOf(value);
    const result = await turn.services.internalAudits[change](turn.actor, reference);
    if (result.kind !== "changed") return tell(result.message);
    return checklist(turn, reference, { notice: change === "start" ? W.startedNotice(reference) : W.reportedNotice(reference) });
  };

const planValues = (values: FormValues) => ({
  title: values.text("title"),
  auditorId: values.text("auditorId"),
  scope: values.list("scope"),
  plannedStart: values.text("plannedStart"),
  plannedEnd: values.text("plannedEnd"),
});

async function runCommand(turn: AuditTurn, rest: string): Promise<Reply> {
  const words = rest.trim();
  if (!words) return programme(turn);
  if (/^plan$/i.test(words)) return openPlan(turn);
  if (/^AUD-\d+$/i.test(words)) return checklist(turn, words.toUpperCase());
  return tell(W.usage);
}

/**
 * Internal audits (ISO 42001 9.2), the same in both channels: the programme, planning an audit (AIMS owners), its
 * checklist with the evidence the bot holds, starting it, a finding per item and the report (the auditor).
 */
export const internalAuditCapability: Capability<Services> = {
  commands: [{ name: "audit", description: W.description, run: runCommand }],
  actions: {
    [AUDIT_IDS.actions.showProgramme]: (turn) => programme(turn),
    [AUDIT_IDS.actions.open]: (turn, value) => checklist(turn, referenceOf(value), { group: valueText(value, "group") || undefined }),
    [AUDIT_IDS.actions.planForm]: (turn) => openPlan(turn),
    [AUDIT_IDS.actions.findingForm]: (turn, value) => openFinding(turn, referenceOf(value), valueText(value, "item")),
    [AUDIT_IDS.actions.start]: move("start"),
    [AUDIT_IDS.actions.report]: move("report"),
  },
  forms: {
    [AUDIT_IDS.views.plan]: {
      form: (_state, turn) => planForm(turn.services.clock.now()),
      refusal: (turn) => turn.services.internalAudits.planRefusal(turn.actor),
      async submit(turn, values) {
        const result = await turn.services.internalAudits.plan(turn.actor, planValues(values));
        if (result.kind === "forbidden") return tell(result.message);
        if (result.kind === "invalid") return fieldErrors(Object.fromEntries(Object.entries(result.errors).filter((entry): entry is [string, string] => Boolean(entry[1]))));
        return checklist(turn, result.audit.reference, { notice: W.plannedNotice(result.audit.reference) });
      },
    },
    [AUDIT_IDS.views.finding]: {
      form: (state, turn) => findingFormOf(turn, state),
      async submit(turn, values, state) {
        const reference = referenceOf(state);
        const item = String(state.item ?? "");
        const raw = { kind: values.text("kind"), note: values.text("note"), evidenceLinks: values.text("evidenceLinks") };
        const result = await turn.services.internalAudits.recordFinding(turn.actor, reference, item, raw);
        if (result.kind === "invalid") return fieldErrors(Object.fromEntries(Object.entries(result.errors).filter((entry): entry is [string, string] => Boolean(entry[1]))));
        if (result.kind !== "recorded") return formProblem(result.message);
        return checklist(turn, reference, { group: scopeItem(item)?.group, notice: W.findingNotice(item) });
      },
    },
  },
};
