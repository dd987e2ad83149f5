import type { Incident } from "../../../db/generated/client.js";
import { CLOSING_LIMITS, NO_ACTION_NEEDED, type ClosingFieldErrors, type RawClosingForm } from "../../../features/incidents/closing-form.js";
import {
  CORRECTIVE_ACTION_LIMITS,
  type CorrectiveActionFieldErrors,
  type RawCorrectiveActionForm,
} from "../../../features/incidents/corrective-action-form.js";
import {
  EXTERNAL_OUTCOMES,
  EXTERNAL_RECIPIENTS,
  type ExternalReportFieldErrors,
  type RawExternalReportForm,
} from "../../../features/incidents/external-report-form.js";
import { adaptiveCard, executeAction, textBlock, type AdaptiveCard, type CardElement } from "../cards/adaptive-card.js";
import { truncate } from "../cards/text.js";
import { choiceInput, dateInput, personInput, readText, textInput, toggleInput } from "./card-inputs.js";
import { INCIDENT_VERBS } from "./incident-verbs.js";

type Values = Record<string, string | string[] | undefined>;

const single = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

function formCard(incident: Incident, title: string, body: CardElement[], submit: { title: string; verb: string }, problem?: string): AdaptiveCard {
  const data = { reference: incident.reference };
  return adaptiveCard(
    [
      textBlock(title, { size: "medium", weight: "bolder" }),
      textBlock(`**${incident.reference}**: ${truncate(incident.title, 200)}`),
      ...(problem ? [textBlock(problem, { color: "attention", weight: "bolder" })] : []),
      ...body,
    ],
    [executeAction(submit.title, submit.verb, data, "positive"), executeAction("Back", INCIDENT_VERBS.showSummary, data)],
  );
}

/** The corrective action questions; ids are the core's field names, which differ in the closing form. */
function actionFields(ids: { description: string; owner: string; dueDate: string }, values: Values, errors: Record<string, string | undefined>, required: boolean) {
  return [
    ...textInput(ids.description, {
      label: "Corrective action (what will be changed so this does not happen again)",
      required,
      multiline: true,
      maxLength: CORRECTIVE_ACTION_LIMITS.description,
      value: single(values[ids.description]),
      error: errors[ids.description],
    }),
    ...personInput(ids.owner, { label: "Owner", required, value: single(values[ids.owner]), error: errors[ids.owner] }),
    ...dateInput(ids.dueDate, { label: "Due date", required, value: single(values[ids.dueDate]), error: errors[ids.dueDate] }),
  ];
}

/** Closing (ISO 42001 10.2): root cause, plus a corrective action or the reason none is needed. */
export function closingCard(incident: Incident, existingActions: number, state: { values?: RawClosingForm; errors?: ClosingFieldErrors; problem?: string } = {}): AdaptiveCard {
  const { values = {}, errors = {} } = state;
  const already = existingActions > 0
    ? `It already has ${existingActions} corrective action(s); you may add another here.`
    : "Closing needs at least one corrective action, or a reason why none is needed.";
  return formCard(
    incident,
    "Close the incident",
    [
      textBlock(already, { subtle: true }),
      ...textInput("rootCause", { label: "Root cause (in a few sentences: why it happened)", required: true, multiline: true, maxLength: CLOSING_LIMITS.rootCause, value: single(values.rootCause), error: errors.rootCause }),
      ...actionFields({ description: "actionDescription", owner: "actionOwnerId", dueDate: "actionDueDate" }, values, errors, false),
      ...toggleInput("noActionNeeded", {
        title: "No corrective action is needed",
        valueOn: NO_ACTION_NEEDED,
        value: (Array.isArray(values.noActionNeeded) ? values.noActionNeeded : []).includes(NO_ACTION_NEEDED),
        error: errors.noActionNeeded,
      }),
      ...textInput("noActionReason", { label: "Why no corrective action is needed", multiline: true, maxLength: CLOSING_LIMITS.noActionReason, value: single(values.noActionReason), error: errors.noActionReason }),
    ],
    { title: "Close incident", verb: INCIDENT_VERBS.close },
    state.problem,
  );
}

export function readClosingForm(data: Record<string, unknown>): RawClosingForm {
  const ticked = readText(data, "noActionNeeded") === NO_ACTION_NEEDED;
  return {
    rootCause: readText(data, "rootCause"),
    actionDescription: readText(data, "actionDescription"),
    actionOwnerId: readText(data, "actionOwnerId"),
    actionDueDate: readText(data, "actionDueDate"),
    noActionNeeded: ticked ? [NO_ACTION_NEEDED] : [],
    noActionReason: readText(data, "noActionReason"),
  };
}

export function correctiveActionCard(incident: Incident, state: { values?: RawCorrectiveActionForm; errors?: CorrectiveActionFieldErrors; problem?: string } = {}): AdaptiveCard {
  return formCard(
    incident,
    "Add a corrective action",
    actionFields({ description: "description", owner: "ownerId", dueDate: "dueDate" }, state.values ?? {}, state.errors ?? {}, true),
    { title: "Add", verb: INCIDENT_VERBS.addCorrectiveAction },
    state.problem,
  );
}

export function readCorrectiveActionForm(data: Record<string, unknown>): RawCorrectiveActionForm {
  return { description: readText(data, "description"), ownerId: readText(data, "ownerId"), dueDate: readText(data, "dueDate") };
}

/** A decision about reporting outside the organisation (ISO 42001 A.8.3): who decided is the person who submits. */
export function externalReportCard(incident: Incident, state: { values?: RawExternalReportForm; errors?: ExternalReportFieldErrors; problem?: string } = {}): AdaptiveCard {
  const { values = {}, errors = {} } = state;
  return formCard(
    incident,
    "External reporting decision",
    [
      ...choiceInput("recipient", { label: "Reporting to whom?", required: true, choices: EXTERNAL_RECIPIENTS, value: single(values.recipient), error: errors.recipient }),
      ...textInput("recipientDetail", { label: "Who exactly", maxLength: 200, placeholder: "e.g. the data protection authority", value: single(values.recipientDetail), error: errors.recipientDetail }),
      ...choiceInput("outcome", { label: "Decision", required: true, choices: EXTERNAL_OUTCOMES, value: single(values.outcome), error: errors.outcome }),
      ...textInput("reason", { label: "Reason", required: true, multiline: true, maxLength: 1000, value: single(values.reason), error: errors.reason }),
    ],
    { title: "Record decision", verb: INCIDENT_VERBS.recordExternalReport },
    state.problem,
  );
}

export function readExternalReportForm(data: Record<string, unknown>): RawExternalReportForm {
  return {
    recipient: readText(data, "recipient"),
    recipientDetail: readText(data, "recipientDetail"),
    outcome: readText(data, "outcome"),
    reason: readText(data, "reason"),
  };
}
