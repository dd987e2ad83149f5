import { column, columns, type EvidenceSource } from "../evidence-source.js";

export const incidents: EvidenceSource = {
  recordType: "incident",
  title: "AI incidents",
  file: "incidents",
  table: "Incident",
  reference: `t."reference"`,
  date: `t."detectedAt"`,
  outcome: `t."status"`,
  columns: [
    ...columns("reference", "title", "affectedSystem", "description", "detectedAt"),
    column("severity", "text"),
    ...columns("harmedParties", "containment", "externalReporting"),
    column("status", "text"),
    ...columns("reporterName", "reporterId", "rootCause", "noCorrectiveActionReason", "closedAt", "createdAt"),
    column("controls"),
  ],
};

const incidentJoin = [{ table: "Incident", alias: "i", on: `i."id" = t."incidentId"` }] as const;

export const correctiveActions: EvidenceSource = {
  recordType: "corrective_action",
  title: "Corrective actions",
  file: "corrective-actions",
  table: "CorrectiveAction",
  joins: incidentJoin,
  reference: `i."reference" || ' action ' || t."id"`,
  date: `t."createdAt"`,
  outcome: `t."status"`,
  columns: [
    { name: "incident", sql: `i."reference"` },
    ...columns("description", "ownerName", "ownerId", "dueDate"),
    column("status", "text"),
    ...columns("completedAt", "createdAt", "controls"),
  ],
};

export const externalReportDecisions: EvidenceSource = {
  recordType: "external_report_decision",
  title: "External reporting decisions",
  file: "external-report-decisions",
  table: "ExternalReportDecision",
  joins: incidentJoin,
  reference: `i."reference" || ' ' || t."recipient"::text`,
  date: `t."decidedAt"`,
  outcome: `t."outcome"`,
  columns: [
    { name: "incident", sql: `i."reference"` },
    column("recipient", "text"),
    column("recipientDetail"),
    column("outcome", "text"),
    ...columns("reason", "deciderName", "deciderId", "decidedAt", "controls"),
  ],
};
