import type { AiSystem } from "../../../db/generated/client.js";
import {
  EXTERNAL_PARTIES,
  HARMED_PARTIES,
  INCIDENT_LIMITS,
  SEVERITIES,
  type IncidentFieldErrors,
  type RawIncidentForm,
} from "../../../features/incidents/incident-form.js";
import { adaptiveCard, executeAction, textBlock, type AdaptiveCard } from "../cards/adaptive-card.js";
import { truncate } from "../cards/text.js";
import { choiceInput, dateInput, readList, readText, textInput, timeInput } from "./card-inputs.js";
import { DETECTED_INPUTS, detectedAtValue } from "./detected-at.js";
import { INCIDENT_VERBS } from "./incident-verbs.js";

const REGISTER_CHOICES_SHOWN = 100;

export interface IncidentFormValues {
  form: RawIncidentForm;
  /** The date and time boxes as typed, shown again when the form comes back. */
  detected: { date?: string; time?: string };
}

export interface IncidentFormCardOptions {
  /** Random per card: the submission key, so a retried click records one incident. */
  formId: string;
  systems: readonly AiSystem[];
  detected: { date?: string; time?: string };
  values?: RawIncidentForm;
  errors?: IncidentFieldErrors;
  problem?: string;
}

const single = (value: string | string[] | undefined) => (Array.isArray(value) ? value.join(",") : value);

/** The incident report form (A.8.4) as a card: the same questions and options as the Slack modal, one shared schema. */
export function incidentFormCard(options: IncidentFormCardOptions): AdaptiveCard {
  const { values = {}, errors = {}, systems } = options;
  const hasRegister = systems.length > 0;
  return adaptiveCard(
    [
      textBlock("Report an AI incident", { size: "large", weight: "bolder" }),
      ...(options.problem ? [textBlock(options.problem, { color: "attention", weight: "bolder" })] : []),
      ...textInput("title", {
        label: "Title",
        required: true,
        maxLength: INCIDENT_LIMITS.title,
        placeholder: "e.g. Chatbot gave customers wrong refund rules",
        value: single(values.title),
        error: errors.title,
      }),
      ...(hasRegister
        ? choiceInput("aiSystem", {
            label: "Affected AI system",
            compact: true,
            choices: systems.slice(0, REGISTER_CHOICES_SHOWN).map((s) => ({ value: s.reference, label: truncate(`${s.name} (${s.reference})`, 100) })),
            value: single(values.aiSystem),
            error: errors.aiSystem,
          })
        : []),
      ...textInput("aiSystemOther", {
        label: hasRegister ? "Or, if it is not in the register, name it" : "Affected AI system",
        maxLength: INCIDENT_LIMITS.affectedSystem,
        value: single(values.aiSystemOther),
        error: errors.aiSystemOther,
      }),
      ...textInput("description", {
        label: "What happened? (facts first: what the AI system did, who noticed, what the effect was)",
        required: true,
        multiline: true,
        maxLength: INCIDENT_LIMITS.description,
        value: single(values.description),
        error: errors.description,
      }),
      ...dateInput(DETECTED_INPUTS.date, { label: "When was it detected? Date", required: true, value: options.detected.date }),
      ...timeInput(DETECTED_INPUTS.time, { label: "Time (your time zone)", value: options.detected.time, error: errors.detectedAt }),
      ...choiceInput("severity", { label: "Severity", required: true, choices: SEVERITIES, value: single(values.severity), error: errors.severity }),
      ...choiceInput("harmedParties", {
        label: "Who was or may be harmed? (leave empty if no one is known to be affected yet)",
        multi: true,
        choices: HARMED_PARTIES,
        value: values.harmedParties,
        error: errors.harmedParties,
      }),
      ...textInput("containment", {
        label: "Immediate containment taken (e.g. feature switched off, model rolled back; \"none yet\" if nothing was done)",
        required: true,
        multiline: true,
        maxLength: INCIDENT_LIMITS.containment,
        value: single(values.containment),
        error: errors.containment,
      }),
      ...choiceInput("externalReporting", {
        label: "May it need reporting outside the organisation? (the responders record the decision)",
        multi: true,
        choices: EXTERNAL_PARTIES,
        value: values.externalReporting,
        error: errors.externalReporting,
      }),
    ],
    [executeAction("Report", INCIDENT_VERBS.report, { formId: options.formId }, "positive")],
  );
}

/** The submitted form in the shape the shared schema parses; date and time become one moment in the person's zone. */
export function readIncidentForm(data: Record<string, unknown>, zone: string): IncidentFormValues {
  const detected = { date: readText(data, DETECTED_INPUTS.date), time: readText(data, DETECTED_INPUTS.time) };
  return {
    detected,
    form: {
      title: readText(data, "title"),
      aiSystem: readText(data, "aiSystem"),
      aiSystemOther: readText(data, "aiSystemOther"),
      description: readText(data, "description"),
      detectedAt: detectedAtValue(detected.date, detected.time, zone),
      severity: readText(data, "severity"),
      harmedParties: readList(data, "harmedParties"),
      containment: readText(data, "containment"),
      externalReporting: readList(data, "externalReporting"),
    },
  };
}
