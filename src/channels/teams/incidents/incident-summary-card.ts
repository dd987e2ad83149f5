import { optionLabel } from "../../../features/incidents/form-text.js";
import { EXTERNAL_OUTCOMES, EXTERNAL_RECIPIENTS } from "../../../features/incidents/external-report-form.js";
import { EXTERNAL_PARTIES, HARMED_PARTIES, SEVERITIES } from "../../../features/incidents/incident-form.js";
import type { IncidentDetails } from "../../../features/incidents/incident-service.js";
import { allowedNextStatuses, STATUS_LABELS } from "../../../features/incidents/incident-status.js";
import { adaptiveCard, executeAction, textBlock, type AdaptiveCard, type CardElement } from "../cards/adaptive-card.js";
import { formatDate, personLabel, truncate } from "../cards/text.js";
import { INCIDENT_VERBS } from "./incident-verbs.js";

const TIMELINE_SHOWN = 5;
const dateTime = (date: Date) => `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
const section = (title: string, text: string): CardElement[] => [textBlock(`**${title}**`), textBlock(text)];

/** Dedicated incident channels exist in Slack only; Teams shows where it is, or that it failed. */
function roomLines(incident: IncidentDetails): CardElement[] {
  if (incident.roomStatus === "created" && incident.roomName) return [textBlock(`Dedicated Slack channel: #${incident.roomName}`, { subtle: true })];
  if (incident.roomStatus === "failed") {
    return [textBlock(`⚠️ The dedicated Slack channel could not be created (${truncate(incident.roomError ?? "unknown error", 200)}). The incident is recorded.`, { color: "warning" })];
  }
  return [];
}

function externalReportingLines(incident: IncidentDetails): string {
  const expected = incident.externalReporting.map((party) => optionLabel(EXTERNAL_PARTIES, party));
  const lines = [expected.length ? `May be required: ${expected.join(", ")}.` : "Not expected by the reporter."];
  for (const decision of incident.externalReportDecisions) {
    const recipient = optionLabel(EXTERNAL_RECIPIENTS, decision.recipient) + (decision.recipientDetail ? ` (${decision.recipientDetail})` : "");
    const decider = personLabel({ channel: decision.deciderChannel, id: decision.deciderId, name: decision.deciderName });
    lines.push(`- ${optionLabel(EXTERNAL_OUTCOMES, decision.outcome)}: ${truncate(recipient, 200)}, decided by ${decider} on ${formatDate(decision.decidedAt)}. ${truncate(decision.reason, 300)}`);
  }
  if (expected.length && incident.externalReportDecisions.length === 0) lines.push("_No decision recorded yet._");
  return lines.join("\n\n");
}

function correctiveActionLines(incident: IncidentDetails): CardElement[] {
  if (incident.correctiveActions.length === 0) {
    return incident.noCorrectiveActionReason ? section("Corrective actions", `None needed: ${truncate(incident.noCorrectiveActionReason, 1000)}`) : [];
  }
  const lines = incident.correctiveActions.map(
    (action) =>
      `- ${truncate(action.description, 300)} · owner ${personLabel({ channel: action.ownerChannel, id: action.ownerId, name: action.ownerName })} · due ${formatDate(action.dueDate)} · ${action.status}`,
  );
  return section("Corrective actions", lines.join("\n"));
}

function timelineLines(incident: IncidentDetails): CardElement[] {
  if (incident.timeline.length === 0) return [];
  const recent = incident.timeline.slice(-TIMELINE_SHOWN);
  const lines = recent.map(
    (entry) => `- ${dateTime(entry.occurredAt)} ${personLabel({ channel: entry.authorChannel, id: entry.authorId, name: entry.authorName })}: ${truncate(entry.text, 300)}`,
  );
  const earlier = incident.timeline.length - recent.length;
  return section(earlier > 0 ? `Timeline (latest ${recent.length} of ${incident.timeline.length})` : "Timeline", lines.join("\n"));
}

function actions(incident: IncidentDetails): CardElement[] {
  const data = { reference: incident.reference };
  const external = executeAction("External reporting decision", INCIDENT_VERBS.externalReportForm, data);
  if (incident.status === "closed") return [external];
  const moves = allowedNextStatuses(incident.status)
    .filter((status) => status !== "closed")
    .map((to) => executeAction(`Move to ${STATUS_LABELS[to]}`, INCIDENT_VERBS.status, { ...data, to }));
  const close = incident.status === "resolved" ? [executeAction("Close incident", INCIDENT_VERBS.closeForm, data, "positive")] : [];
  return [...moves, ...close, executeAction("Add corrective action", INCIDENT_VERBS.correctiveActionForm, data), external];
}

/** The incident summary, posted in the Teams incidents conversation and updated in place as the incident changes. */
export function incidentSummaryCard(incident: IncidentDetails): AdaptiveCard {
  const severity = SEVERITIES.find((s) => s.value === incident.severity)!;
  const harmed = incident.harmedParties.map((party) => optionLabel(HARMED_PARTIES, party));
  const system = incident.aiSystem ? `${incident.affectedSystem} (${incident.aiSystem.reference})` : incident.affectedSystem;
  const fact = (title: string, value: string) => ({ title, value: truncate(value, 300) });
  return adaptiveCard(
    [
      textBlock(truncate(`${incident.reference}: ${incident.title}`, 150), { size: "large", weight: "bolder" }),
      {
        type: "FactSet",
        facts: [
          fact("Severity", `${severity.label}: ${severity.description}`),
          fact("Status", STATUS_LABELS[incident.status]),
          fact("AI system", system),
          fact("Detected", dateTime(incident.detectedAt)),
          fact("Reported by", personLabel({ channel: incident.reporterChannel, id: incident.reporterId, name: incident.reporterName })),
          fact("Who was or may be harmed", harmed.length ? harmed.join(", ") : "No one identified yet"),
        ],
      },
      ...section("What happened", truncate(incident.description, 2500)),
      ...section("Immediate containment", truncate(incident.containment, 1500)),
      ...section("External reporting", externalReportingLines(incident)),
      ...roomLines(incident),
      ...(incident.rootCause ? section("Root cause", truncate(incident.rootCause, 1500)) : []),
      ...correctiveActionLines(incident),
      ...timelineLines(incident),
    ],
    actions(incident),
  );
}

export const incidentSummaryText = (incident: IncidentDetails) =>
  `Incident ${incident.reference} (${incident.severity.toUpperCase()}, ${STATUS_LABELS[incident.status].toLowerCase()}): ${truncate(incident.title, 150)}`;
