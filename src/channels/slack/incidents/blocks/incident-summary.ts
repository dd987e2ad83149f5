import type { KnownBlock } from "@slack/types";
import { optionLabel } from "../../../../features/incidents/form-text.js";
import { EXTERNAL_OUTCOMES, EXTERNAL_RECIPIENTS } from "../../../../features/incidents/external-report-form.js";
import { EXTERNAL_PARTIES, HARMED_PARTIES, SEVERITIES } from "../../../../features/incidents/incident-form.js";
import type { IncidentDetails } from "../../../../features/incidents/incident-service.js";
import { allowedNextStatuses, STATUS_LABELS, type IncidentStatus } from "../../../../features/incidents/incident-status.js";
import { escapeMrkdwn, formatDate, slackDate, truncate } from "../../blocks/text.js";
import { SLACK_IDS } from "../../ids.js";
import { mention } from "../../slack-actor.js";
import { plain, section } from "./modal-parts.js";

const TIMELINE_SHOWN = 5;

const MOVE_BUTTONS: Partial<Record<IncidentStatus, { actionId: string; label: string }>> = {
  investigating: { actionId: SLACK_IDS.incidents.actions.toInvestigating, label: "Investigating" },
  mitigated: { actionId: SLACK_IDS.incidents.actions.toMitigated, label: "Mitigated" },
  resolved: { actionId: SLACK_IDS.incidents.actions.toResolved, label: "Resolved" },
};

const text = (value: string, max: number) => escapeMrkdwn(truncate(value, max));

function roomLine(incident: IncidentDetails): string | null {
  switch (incident.roomStatus) {
    case "not_needed":
      return null;
    case "pending":
      return "Creating the incident channel…";
    case "created":
      return `Incident channel: <#${incident.roomId}>`;
    case "failed":
      return `:warning: The incident channel could not be created (${text(incident.roomError ?? "unknown error", 200)}). The incident is recorded; responders, please create a channel by hand.`;
  }
}

function externalReportingText(incident: IncidentDetails): string {
  const expected = incident.externalReporting.map((party) => optionLabel(EXTERNAL_PARTIES, party));
  const lines = [expected.length ? `May be required: ${expected.join(", ")}.` : "Not expected by the reporter."];
  for (const decision of incident.externalReportDecisions) {
    const recipient = optionLabel(EXTERNAL_RECIPIENTS, decision.recipient) + (decision.recipientDetail ? ` (${decision.recipientDetail})` : "");
    lines.push(
      `• ${optionLabel(EXTERNAL_OUTCOMES, decision.outcome)}: ${text(recipient, 200)}, decided by ${mention({ channel: decision.deciderChannel, id: decision.deciderId, name: decision.deciderName })} on ${formatDate(decision.decidedAt)}. ${text(decision.reason, 300)}`,
    );
  }
  if (expected.length && incident.externalReportDecisions.length === 0) lines.push("_No decision recorded yet._");
  return lines.join("\n");
}

function correctiveActionsText(incident: IncidentDetails): string | null {
  const lines = incident.correctiveActions.map(
    (action) =>
      `• ${text(action.description, 300)}: ${mention({ channel: action.ownerChannel, id: action.ownerId, name: action.ownerName })}, due ${formatDate(action.dueDate)} (${action.status})`,
  );
  if (incident.noCorrectiveActionReason) lines.push(`No corrective action needed: ${text(incident.noCorrectiveActionReason, 500)}`);
  return lines.length ? `*Corrective actions*\n${lines.join("\n")}` : null;
}

function timelineText(incident: IncidentDetails): string | null {
  const recent = incident.timeline.slice(-TIMELINE_SHOWN);
  if (recent.length === 0) return null;
  const lines = recent.map(
    (entry) => `• ${slackDate(entry.occurredAt)} ${mention({ channel: entry.authorChannel, id: entry.authorId, name: entry.authorName })}: ${text(entry.text, 300)}`,
  );
  const earlier = incident.timeline.length - recent.length;
  return `*Timeline*${earlier > 0 ? ` (latest ${recent.length} of ${incident.timeline.length})` : ""}\n${lines.join("\n")}`;
}

function buttons(incident: IncidentDetails): KnownBlock[] {
  if (incident.status === "closed") return [];
  const value = incident.reference;
  const moves = allowedNextStatuses(incident.status).flatMap((status) => {
    const button = MOVE_BUTTONS[status];
    return button ? [{ type: "button" as const, action_id: button.actionId, text: plain(`Move to ${button.label}`), value }] : [];
  });
  const close = incident.status === "resolved"
    ? [{ type: "button" as const, action_id: SLACK_IDS.incidents.actions.close, style: "primary" as const, text: plain("Close incident"), value }]
    : [];
  return [
    {
      type: "actions",
      block_id: `incident:${incident.reference}`,
      elements: [
        ...moves,
        ...close,
        { type: "button", action_id: SLACK_IDS.incidents.actions.addCorrectiveAction, text: plain("Add corrective action"), value },
        { type: "button", action_id: SLACK_IDS.incidents.actions.externalReport, text: plain("External reporting decision"), value },
      ],
    },
  ];
}

/** The incident summary, posted in the incidents channel and the incident's own channel, and updated in place. */
export function incidentSummary(incident: IncidentDetails): { text: string; blocks: KnownBlock[] } {
  const severity = SEVERITIES.find((s) => s.value === incident.severity)!;
  const harmed = incident.harmedParties.map((party) => optionLabel(HARMED_PARTIES, party));
  const system = incident.aiSystem ? `${incident.affectedSystem} (${incident.aiSystem.reference})` : incident.affectedSystem;
  const room = roomLine(incident);
  const closing = incident.rootCause ? [section(`*Root cause*\n${text(incident.rootCause, 1500)}`)] : [];
  const actions = correctiveActionsText(incident);
  const timeline = timelineText(incident);
  return {
    text: `Incident ${incident.reference} (${severity.label}, ${STATUS_LABELS[incident.status].toLowerCase()}): ${truncate(incident.title, 150)}`,
    blocks: [
      { type: "header", text: plain(truncate(`${incident.reference}: ${incident.title}`, 150)) },
      {
        type: "section",
        fields: [
          { type: "mrkdwn", text: `*Severity*\n${severity.label}: ${severity.description}` },
          { type: "mrkdwn", text: `*Status*\n${STATUS_LABELS[incident.status]}` },
          { type: "mrkdwn", text: `*AI system*\n${text(system, 300)}` },
          { type: "mrkdwn", text: `*Detected*\n${slackDate(incident.detectedAt)}` },
          { type: "mrkdwn", text: `*Reported by*\n${mention({ channel: incident.reporterChannel, id: incident.reporterId, name: incident.reporterName })}` },
          { type: "mrkdwn", text: `*Who was or may be harmed*\n${harmed.length ? harmed.join(", ") : "No one identified yet"}` },
        ],
      },
      section(`*What happened*\n${text(incident.description, 2500)}`),
      section(`*Immediate containment*\n${text(incident.containment, 1500)}`),
      section(truncate(`*External reporting*\n${externalReportingText(incident)}`, 3000)),
      ...(room ? [section(room)] : []),
      ...closing,
      ...(actions ? [section(truncate(actions, 3000))] : []),
      ...(timeline ? [section(truncate(timeline, 3000))] : []),
      ...buttons(incident),
    ],
  };
}
