import type { CorrectiveAction, ExternalReportDecision, Incident, IncidentTimelineEntry } from "../../db/generated/client.js";
import type { IncidentStatus } from "./incident-status.js";

/** What changed on an incident, so channels can say it (the incident itself is re-read to show it). */
export type IncidentChange =
  | { kind: "status"; from: IncidentStatus; to: IncidentStatus }
  | { kind: "note"; entry: IncidentTimelineEntry }
  | { kind: "room" }
  | { kind: "corrective_action"; action: CorrectiveAction }
  | { kind: "external_report"; decision: ExternalReportDecision };

declare module "../../core/events.js" {
  interface DomainEvents {
    "incident.reported": { incident: Incident };
    "incident.changed": { incident: Incident; change: IncidentChange };
  }
}
