import { column, columns, type EvidenceSource } from "../evidence-source.js";

/** The internal audit programme (clause 9.2): the audits, with scope, independent auditor and dates. */
export const internalAudits: EvidenceSource = {
  recordType: "internal_audit",
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
  recordType: "audit_finding",
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
