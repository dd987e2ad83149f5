import { randomUUID } from "node:crypto";
import type { Clock } from "../../../core/clock.js";
import type { ActionHandler, Capability, FormHandler, Turn } from "../../../conversation/capability.js";
import type { Form, FormState, FormValues } from "../../../conversation/form.js";
import { changed, fieldErrors, formProblem, openForm, type Reply, show, tell } from "../../../conversation/reply.js";
import { parseIncidentCommand } from "../incident-command.js";
import type { IncidentDetails } from "../incident-queries.js";
import type { IncidentService } from "../incident-service.js";
import { type IncidentStatus, STATUS_LABELS, transitionRefusal } from "../incident-status.js";
import { closingForm, correctiveActionForm, externalReportForm, reportForm, timelineNoteForm } from "./incident-forms.js";
import { INCIDENT_IDS } from "./incident-ids.js";
import { incidentView, receiptView } from "./incident-view.js";
import { incidentNotifications } from "./incident-notifications.js";
import { INCIDENT_WORDING as W } from "./incident-wording.js";

type Services = { incidents: IncidentService; clock: Clock };
type IncidentTurn = Turn<Services>;
type FollowUp = "close" | "corrective_action" | "external_report";
type Result = { kind: string; message?: string; errors?: Partial<Record<string, string>> };

/** The incident a button or a form is about (a form's state and a button's value both carry it). */
const referenceOf = (values: FormState) => String(values.reference ?? "").toUpperCase();
const activeCount = (incident: IncidentDetails) => incident.correctiveActions.filter((action) => action.status !== "cancelled").length;

const FOLLOW_UP_FORMS: Record<FollowUp, (incident: IncidentDetails) => Form> = {
  close: (incident) => closingForm(incident, activeCount(incident)),
  corrective_action: correctiveActionForm,
  external_report: externalReportForm,
};

/** The values of `form` as the core's schemas read them: lists for the multiple choices, text for the rest. */
const rawOf = (form: Form, values: FormValues) =>
  Object.fromEntries(form.fields.map((field) => [field.id, field.kind === "checkboxes" || field.kind === "multiselect" ? values.list(field.id) : values.text(field.id)]));

/** Why this person may not use this follow-up form now, or null. The core checks again when it is submitted. */
async function followUpRefusal(turn: IncidentTurn, reference: string, incident: IncidentDetails | null, kind: FollowUp): Promise<string | null> {
  if (!incident) return W.notFound(reference);
  const refusal = await turn.services.incidents.changeRefusal(turn.actor, incident);
  if (refusal) return refusal;
  if (kind !== "external_report" && incident.status === "closed") return W.isClosed(incident.reference);
  return kind === "close" ? transitionRefusal(incident.reference, incident.status, "closed") : null;
}

async function openFollowUp(turn: IncidentTurn, reference: string, kind: FollowUp): Promise<Reply> {
  const incident = await turn.services.incidents.details(reference);
  const refusal = await followUpRefusal(turn, reference, incident, kind);
  return refusal || !incident ? tell(refusal ?? W.notFound(reference)) : openForm(FOLLOW_UP_FORMS[kind](incident));
}

/** The summary as it now stands: every copy is updated by its publisher; Teams shows it in place of the card. */
async function summary(turn: IncidentTurn, reference: string, reply: typeof show = changed): Promise<Reply> {
  const incident = await turn.services.incidents.details(reference);
  return incident ? reply(incidentView(incident)) : tell(W.notFound(reference));
}

/** A core result of a submitted form: field errors, a refusal above the form, or the updated summary. */
async function answer(turn: IncidentTurn, reference: string, result: Result): Promise<Reply> {
  if (result.kind === "invalid" && result.errors) {
    return fieldErrors(Object.fromEntries(Object.entries(result.errors).filter((entry): entry is [string, string] => Boolean(entry[1]))));
  }
  if (["not_found", "forbidden", "refused"].includes(result.kind)) return formProblem(result.message ?? W.notFound(reference));
  return summary(turn, reference);
}

function followUpForm(kind: FollowUp, save: (turn: IncidentTurn, reference: string, raw: Record<string, unknown>) => Promise<Result>): FormHandler<Services> {
  const formOf = async (turn: IncidentTurn, state: FormState) => {
    const incident = await turn.services.incidents.details(referenceOf(state));
    return incident ? FOLLOW_UP_FORMS[kind](incident) : undefined;
  };
  return {
    form: (state, turn) => formOf(turn, state),
    async submit(turn, values, state) {
      const form = await formOf(turn, state);
      if (!form) return formProblem(W.notFound(referenceOf(state)));
      return answer(turn, referenceOf(state), await save(turn, referenceOf(state), rawOf(form, values)));
    },
  };
}

const moveTo =
  (to: IncidentStatus): ActionHandler<Services> =>
  async (turn, value) => {
    const reference = referenceOf(value);
    const result = await turn.services.incidents.changeStatus(turn.actor, reference, to);
    if (result.kind === "changed") return summary(turn, reference);
    return result.kind === "closing_needs_form" ? openFollowUp(turn, reference, "close") : tell(result.message);
  };

const opener =
  (kind: FollowUp): ActionHandler<Services> =>
  (turn, value) =>
    openFollowUp(turn, referenceOf(value), kind);

/** The report form with the register as it is now; `formId` makes a retried submit record one incident. */
const reportFormOf = async (state: FormState, turn: IncidentTurn) =>
  reportForm(String(state.formId ?? randomUUID()), await turn.services.incidents.affectableSystems(), turn.services.clock.now());

/** The incident named, or else the one whose dedicated room (a Slack channel) the person is in. */
async function resolveReference(turn: IncidentTurn, reference?: string): Promise<string | undefined> {
  if (reference) return reference;
  if (!turn.conversation) return undefined;
  return (await turn.services.incidents.findByRoom(turn.actor.channel, turn.conversation))?.reference;
}

async function runCommand(turn: IncidentTurn, rest: string): Promise<Reply> {
  const { incidents, clock } = turn.services;
  const parsed = parseIncidentCommand(rest);
  if (parsed.kind === "invalid") return tell(parsed.message);
  if (parsed.kind === "report") return openForm(reportForm(randomUUID(), await incidents.affectableSystems(), clock.now()));
  const reference = await resolveReference(turn, parsed.reference);
  if (!reference) return tell(W.noIncidentHere);
  if (parsed.kind === "note") {
    const result = await incidents.addNote(turn.actor, reference, parsed.text, turn.conversation ? `${turn.actor.channel}:${turn.conversation}` : undefined);
    return tell(result.kind === "added" ? W.noted(reference) : result.message);
  }
  if (parsed.status === "closed") return openFollowUp(turn, reference, "close");
  const result = await incidents.changeStatus(turn.actor, reference, parsed.status);
  if (result.kind === "changed") return tell(W.nowStatus(reference, STATUS_LABELS[result.incident.status].toLowerCase()));
  return result.kind === "closing_needs_form" ? openFollowUp(turn, reference, "close") : tell(result.message);
}

/**
 * AI incidents (A.8.4, 10.2), the same in both channels: the report form, the summary with its status moves, the
 * closing, corrective action and external reporting forms, and the timeline note from a message.
 */
export const incidentCapability: Capability<Services> = {
  notifications: incidentNotifications,
  commands: [{ name: "incident", description: W.description, run: runCommand }],
  actions: {
    [INCIDENT_IDS.toInvestigating]: moveTo("investigating"),
    [INCIDENT_IDS.toMitigated]: moveTo("mitigated"),
    [INCIDENT_IDS.toResolved]: moveTo("resolved"),
    [INCIDENT_IDS.closeForm]: opener("close"),
    [INCIDENT_IDS.correctiveActionForm]: opener("corrective_action"),
    [INCIDENT_IDS.externalReportForm]: opener("external_report"),
    [INCIDENT_IDS.showSummary]: (turn, value) => summary(turn, referenceOf(value), show),
  },
  forms: {
    [INCIDENT_IDS.report]: {
      form: reportFormOf,
      async submit(turn, values, state) {
        const raw = rawOf(await reportFormOf(state, turn), values);
        const result = await turn.services.incidents.report(turn.actor, raw, `${turn.actor.channel}:${String(state.formId ?? randomUUID())}`);
        return result.ok ? changed(receiptView(result.incident)) : fieldErrors(result.errors as Record<string, string>);
      },
    },
    [INCIDENT_IDS.close]: followUpForm("close", (turn, reference, raw) => turn.services.incidents.close(turn.actor, reference, raw)),
    [INCIDENT_IDS.addCorrectiveAction]: followUpForm("corrective_action", (turn, reference, raw) =>
      turn.services.incidents.addCorrectiveAction(turn.actor, reference, raw),
    ),
    [INCIDENT_IDS.recordExternalReport]: followUpForm("external_report", (turn, reference, raw) =>
      turn.services.incidents.recordExternalReportDecision(turn.actor, reference, raw),
    ),
    [INCIDENT_IDS.timelineNote]: {
      form: async (state, turn) => timelineNoteForm(await turn.services.incidents.listActive(), String(state.source ?? "")),
      async submit(turn, values, state) {
        const reference = values.text("incident");
        if (!reference) return fieldErrors({ incident: W.chooseIncident });
        const result = await turn.services.incidents.addNote(turn.actor, reference, values.text("note") ?? "", String(state.source ?? "") || undefined);
        return result.kind === "added" ? summary(turn, result.incident.reference) : formProblem(result.message);
      },
    },
  },
};
