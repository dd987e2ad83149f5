import type { AiSystem, Incident } from "../../../db/generated/client.js";
import type { Field, Form } from "../../../conversation/form.js";
import { section, truncate } from "../../../conversation/message.js";
import { CLOSING_LIMITS, NO_ACTION_NEEDED } from "../closing-form.js";
import { CORRECTIVE_ACTION_LIMITS } from "../corrective-action-form.js";
import { EXTERNAL_OUTCOMES, EXTERNAL_RECIPIENTS } from "../external-report-form.js";
import { EXTERNAL_PARTIES, HARMED_PARTIES, INCIDENT_LIMITS, SEVERITIES } from "../incident-form.js";
import { NOTE_MAX_LENGTH } from "../incident-notes.js";
import { INCIDENT_IDS } from "./incident-ids.js";
import { INCIDENT_WORDING as W } from "./incident-wording.js";

/** Slack holds at most 100 options in a select. */
const CHOICES_SHOWN = 100;
const R = W.reportForm;

/** The incident report (A.8.4). `formId` is the submission's key, so a retried submit records one incident. */
export function reportForm(formId: string, systems: readonly AiSystem[], now: Date): Form {
  const hasRegister = systems.length > 0;
  const register: Field[] = hasRegister
    ? [
        {
          kind: "select",
          id: "aiSystem",
          label: R.system,
          optional: true,
          options: systems.slice(0, CHOICES_SHOWN).map((system) => ({ value: system.reference, label: truncate(`${system.name} (${system.reference})`, 75) })),
        },
      ]
    : [];
  return {
    id: INCIDENT_IDS.report,
    title: R.title,
    submit: R.submit,
    cancel: { label: W.cancel },
    state: { formId },
    fields: [
      { kind: "text", id: "title", label: R.titleLabel, hint: R.titleHint, maxLength: INCIDENT_LIMITS.title },
      ...register,
      { kind: "text", id: "aiSystemOther", label: hasRegister ? R.systemOther : R.system, maxLength: INCIDENT_LIMITS.affectedSystem, optional: hasRegister },
      { kind: "text", id: "description", label: R.description, hint: R.descriptionHint, multiline: true, maxLength: INCIDENT_LIMITS.description },
      { kind: "datetime", id: "detectedAt", label: R.detectedAt, initial: now.toISOString() },
      { kind: "select", id: "severity", label: R.severity, radio: true, options: SEVERITIES.map((severity) => ({ ...severity })) },
      { kind: "checkboxes", id: "harmedParties", label: R.harmed, hint: R.harmedHint, optional: true, options: HARMED_PARTIES.map((party) => ({ ...party })) },
      { kind: "text", id: "containment", label: R.containment, hint: R.containmentHint, multiline: true, maxLength: INCIDENT_LIMITS.containment },
      { kind: "checkboxes", id: "externalReporting", label: R.external, hint: R.externalHint, optional: true, options: EXTERNAL_PARTIES.map((party) => ({ ...party })) },
    ],
  };
}

/** A follow-up form of one incident: its reference travels with it, and Cancel goes back to the summary (Teams). */
function followUp(incident: Incident, id: string, text: { title: string; submit: string }, fields: Field[], intro: string[] = []): Form {
  const state = { reference: incident.reference };
  return {
    id,
    ...text,
    cancel: { label: W.cancel, action: INCIDENT_IDS.showSummary, value: state },
    intro: [section([`**${incident.reference}**: ${truncate(incident.title, 200)}`, ...intro])],
    state,
    fields,
  };
}

/** The corrective action questions; ids are the core's field names, which differ in the closing form. */
function actionFields(ids: { description: string; owner: string; dueDate: string }, optional: boolean): Field[] {
  return [
    { kind: "text", id: ids.description, label: W.actionLabel, hint: W.actionHint, multiline: true, maxLength: CORRECTIVE_ACTION_LIMITS.description, optional },
    { kind: "person", id: ids.owner, label: W.owner, optional },
    { kind: "date", id: ids.dueDate, label: W.dueDate, optional },
  ];
}

/** Closing (ISO 42001 10.2): root cause, plus a corrective action or the reason none is needed. */
export function closingForm(incident: Incident, existingActions: number): Form {
  return followUp(
    incident,
    INCIDENT_IDS.close,
    W.closeForm,
    [
      { kind: "text", id: "rootCause", label: W.rootCause, hint: W.rootCauseHint, multiline: true, maxLength: CLOSING_LIMITS.rootCause },
      ...actionFields({ description: "actionDescription", owner: "actionOwnerId", dueDate: "actionDueDate" }, true),
      { kind: "checkboxes", id: "noActionNeeded", label: W.or, optional: true, options: [{ value: NO_ACTION_NEEDED, label: W.noActionNeededOption }] },
      { kind: "text", id: "noActionReason", label: W.whyNoAction, multiline: true, maxLength: CLOSING_LIMITS.noActionReason, optional: true },
    ],
    [existingActions > 0 ? W.alreadyHasActions(existingActions) : W.closingNeedsAction],
  );
}

export const correctiveActionForm = (incident: Incident): Form =>
  followUp(incident, INCIDENT_IDS.addCorrectiveAction, W.actionForm, actionFields({ description: "description", owner: "ownerId", dueDate: "dueDate" }, false));

/** A decision about reporting outside the organisation (ISO 42001 A.8.3): who decided is the person who submits. */
export function externalReportForm(incident: Incident): Form {
  const E = W.externalForm;
  return followUp(incident, INCIDENT_IDS.recordExternalReport, E, [
    { kind: "select", id: "recipient", label: E.recipient, radio: true, options: EXTERNAL_RECIPIENTS.map((option) => ({ ...option })) },
    { kind: "text", id: "recipientDetail", label: E.detail, hint: E.detailHint, maxLength: 200, optional: true },
    { kind: "select", id: "outcome", label: E.outcome, radio: true, options: EXTERNAL_OUTCOMES.map((option) => ({ ...option })) },
    { kind: "text", id: "reason", label: E.reason, multiline: true, maxLength: 1000 },
  ]);
}

/** "Add to incident timeline" from a message: which open incident, and the note (the message's text, editable). */
export function timelineNoteForm(incidents: readonly Incident[], source: string, initial: { incident?: string; note?: string } = {}): Form {
  return {
    id: INCIDENT_IDS.timelineNote,
    title: W.noteForm.title,
    submit: W.noteForm.submit,
    cancel: { label: W.cancel },
    state: { source },
    fields: [
      {
        kind: "select",
        id: "incident",
        label: W.noteForm.incident,
        initial: initial.incident,
        options: incidents.slice(0, CHOICES_SHOWN).map((incident) => ({ value: incident.reference, label: truncate(`${incident.reference}: ${incident.title}`, 75) })),
      },
      { kind: "text", id: "note", label: W.noteForm.note, multiline: true, maxLength: NOTE_MAX_LENGTH, initial: initial.note?.slice(0, NOTE_MAX_LENGTH) },
    ],
  };
}
