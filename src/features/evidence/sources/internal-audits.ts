import { column, columns, type EvidenceSource } from "../evidence-source.js";

/**
 * The internal audit programme (9.2). The vocabulary of record types is tied to Annex A controls, and an internal
 * audit is a clause 9.2 record: audits are filed as reviews (a planned review of the AIMS) and their findings as
 * review completions (each closes one checklist item with its evidence links).
 */
export const internalAudits: EvidenceSource = {
  recordType: "review",
  title: "Internal audits",
  file: "internal-audits",
  table: "InternalAudit",
  reference: `t."reference"`,
  date: `t."plannedStart"`,
  outcome: `t."status"`,
  columns: [
    ...columns("reference", "title", "scope", "auditorName", "auditorId", "plannedStart", "plannedEnd"),
    column("status", "text"),
    ...columns("startedAt", "reportedAt", "plannedById", "createdAt", "controls"),
  ],
};

/** The audit report, one row per checklist item: what the auditor found, with the evidence links. */
export const auditFindings: EvidenceSource = {
  recordType: "review_completion",
  title: "Internal audit findings (the audit reports)",
  file: "internal-audit-findings",
  table: "AuditFinding",
  joins: [{ table: "InternalAudit", alias: "a", on: `a."id" = t."auditId"` }],
  reference: `a."reference" || ' ' || t."item"`,
  date: `t."recordedAt"`,
  outcome: `t."kind"`,
  columns: [
    { name: "audit", sql: `a."reference"` },
    { name: "auditTitle", sql: `a."title"` },
    { name: "auditStatus", sql: `a."status"::text` },
    column("item"),
    column("kind", "text"),
    ...columns("note", "evidenceLinks", "recordedById", "recordedAt", "controls"),
  ],
};
