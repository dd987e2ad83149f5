import type { Incident } from "../../../db/generated/client.js";
import { type Block, type Button, day, fields, type Message, moment, person, room, section, truncate } from "../../../conversation/message.js";
import { optionLabel } from "../form-text.js";
import { EXTERNAL_OUTCOMES, EXTERNAL_RECIPIENTS } from "../external-report-form.js";
import { EXTERNAL_PARTIES, HARMED_PARTIES, SEVERITIES } from "../incident-form.js";
import type { IncidentDetails } from "../incident-queries.js";
import { allowedNextStatuses, type IncidentStatus, STATUS_LABELS } from "../incident-status.js";
import { INCIDENT_IDS } from "./incident-ids.js";
import { INCIDENT_WORDING as W } from "./incident-wording.js";

const TIMELINE_SHOWN = 5;

/** A titled section, within what a Slack section holds (3,000 characters). */
const titled = (title: string, lines: string[]): Block => section([`**${title}**`, truncate(lines.join("\n"), 2900)]);

const MOVES: Partial<Record<IncidentStatus, string>> = {
  investigating: INCIDENT_IDS.toInvestigating,
  mitigated: INCIDENT_IDS.toMitigated,
  resolved: INCIDENT_IDS.toResolved,
};

function roomBlocks(incident: IncidentDetails): Block[] {
  switch (incident.roomStatus) {
    case "pending":
      return [section([W.roomPending])];
    case "created":
      if (!incident.roomId || !incident.roomChannel) return [];
      return [section([W.room(room({ channel: incident.roomChannel, id: incident.roomId, name: incident.roomName ?? incident.roomId }))])];
    case "failed":
      return [section([W.roomFailed(truncate(incident.roomError ?? "unknown error", 200))], { tone: "warning" })];
    default:
      return [];
  }
}

function externalReporting(incident: IncidentDetails): string[] {
  const expected = incident.externalReporting.map((party) => optionLabel(EXTERNAL_PARTIES, party));
  const lines = [expected.length ? W.mayBeRequired(expected.join(", ")) : W.notExpected];
  for (const decision of incident.externalReportDecisions) {
    const recipient = optionLabel(EXTERNAL_RECIPIENTS, decision.recipient) + (decision.recipientDetail ? ` (${decision.recipientDetail})` : "");
    const decider = person({ channel: decision.deciderChannel, id: decision.deciderId, name: decision.deciderName });
    lines.push(W.decision(optionLabel(EXTERNAL_OUTCOMES, decision.outcome), truncate(recipient, 200), decider, day(decision.decidedAt), truncate(decision.reason, 300)));
  }
  if (expected.length && incident.externalReportDecisions.length === 0) lines.push(W.noDecisionYet);
  return lines;
}

function correctiveActions(incident: IncidentDetails): Block[] {
  const lines = incident.correctiveActions.map((action) =>
    W.action(truncate(action.description, 300), person({ channel: action.ownerChannel, id: action.ownerId, name: action.ownerName }), day(action.dueDate), action.status),
  );
  if (incident.noCorrectiveActionReason) lines.push(W.noActionNeeded(truncate(incident.noCorrectiveActionReason, 500)));
  return lines.length ? [titled(W.correctiveActions, lines)] : [];
}

function timeline(incident: IncidentDetails): Block[] {
  const recent = incident.timeline.slice(-TIMELINE_SHOWN);
  if (recent.length === 0) return [];
  const lines = recent.map((entry) =>
    W.entry(moment(entry.occurredAt), person({ channel: entry.authorChannel, id: entry.authorId, name: entry.authorName }), truncate(entry.text, 300)),
  );
  const total = incident.timeline.length;
  return [titled(total > recent.length ? W.latestOf(recent.length, total) : W.timeline, lines)];
}

function buttons(incident: IncidentDetails): Button[] {
  const value = { reference: incident.reference };
  const external: Button = { label: W.externalReportDecision, action: INCIDENT_IDS.externalReportForm, value };
  if (incident.status === "closed") return [external];
  const moves = allowedNextStatuses(incident.status).flatMap((status): Button[] => {
    const action = MOVES[status];
    return action ? [{ label: W.moveTo(STATUS_LABELS[status]), action, value }] : [];
  });
  const close: Button[] = incident.status === "resolved" ? [{ label: W.closeIncident, action: INCIDENT_IDS.closeForm, value, style: "primary" }] : [];
  return [...moves, ...close, { label: W.addCorrectiveAction, action: INCIDENT_IDS.correctiveActionForm, value }, external];
}

/** The incident summary: announced, pinned in its Slack channel, updated in place in every chat as it changes. */
export function incidentView(incident: IncidentDetails): Message {
  const severity = SEVERITIES.find((s) => s.value === incident.severity)!;
  const harmed = incident.harmedParties.map((party) => optionLabel(HARMED_PARTIES, party));
  const system = incident.aiSystem ? `${incident.affectedSystem} (${incident.aiSystem.reference})` : incident.affectedSystem;
  const status = STATUS_LABELS[incident.status];
  return {
    title: truncate(W.heading(incident.reference, incident.title), 150),
    summary: W.summary(incident.reference, severity.label, status.toLowerCase(), truncate(incident.title, 150)),
    blocks: [
      fields([
        { label: W.severity, value: `${severity.label}: ${severity.description}` },
        { label: W.status, value: status },
        { label: W.aiSystem, value: truncate(system, 300) },
        { label: W.detected, value: moment(incident.detectedAt) },
        { label: W.reportedBy, value: person({ channel: incident.reporterChannel, id: incident.reporterId, name: incident.reporterName }) },
        { label: W.harmed, value: harmed.length ? harmed.join(", ") : W.noOneHarmed },
      ]),
      titled(W.whatHappened, [truncate(incident.description, 2500)]),
      titled(W.containment, [truncate(incident.containment, 1500)]),
      titled(W.externalReporting, externalReporting(incident)),
      ...roomBlocks(incident),
      ...(incident.rootCause ? [titled(W.rootCause, [truncate(incident.rootCause, 1500)])] : []),
      ...correctiveActions(incident),
      ...timeline(incident),
    ],
    actions: buttons(incident),
  };
}

/** What the reporter sees once the report is recorded (Slack adds where it is announced, in a DM). */
export function receiptView(incident: Incident, where?: string): Message {
  const text = [W.receipt(incident.reference, truncate(incident.title, 200)), ...(where ? [where] : [])].join(" ");
  return { title: W.reportForm.title, summary: text, blocks: [section([text]), section([{ text: W.noteHow(incident.reference), muted: true }])] };
}
