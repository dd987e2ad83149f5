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

/** Incidents' and nonconformities' corrective actions: one model, each row with what it corrects. */
export const correctiveActions: EvidenceSource = {
  recordType: "corrective_action",
  title: "Corrective actions",
  file: "corrective-actions",
  table: "CorrectiveAction",
  joins: [
    { ...incidentJoin[0], optional: true },
    { table: "Nonconformity", alias: "n", on: `n."id" = t."nonconformityId"`, optional: true },
  ],
  reference: `COALESCE(i."reference", n."reference") || ' action ' || t."id"`,
  date: `t."createdAt"`,
  outcome: `t."status"`,
  columns: [
    { name: "incident", sql: `i."reference"` },
    { name: "nonconformity", sql: `n."reference"` },
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
