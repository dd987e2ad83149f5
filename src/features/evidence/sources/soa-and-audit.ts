import { controlsForRecordType } from "../../../core/iso42001/controls.js";
import { column, columns, sqlTextArray, type EvidenceSource } from "../evidence-source.js";

export const soaEntryVersions: EvidenceSource = {
  recordType: "soa_entry",
  title: "Statement of Applicability changes",
  file: "soa-changes",
  table: "SoaEntryVersion",
  reference: `t."controlId" || ' v' || t."version"`,
  date: `t."changedAt"`,
  outcome: `CASE WHEN t."applicable" THEN 'applicable' ELSE 'not applicable' END`,
  columns: [
    ...columns("controlId", "version", "applicable", "justification", "implementation", "owner", "proposed"),
    ...columns("change", "changedAt"),
    column("changedByChannel", "text"),
    ...columns("changedById", "controls"),
  ],
};

/**
 * The audit trail itself evidences event logging (the controls the catalogue names for audit events), whatever the
 * change each event records. Before/after bodies stay out of the pack: they may quote personal data of any feature.
 */
export function auditEvents(withoutActor: readonly string[]): EvidenceSource {
  const hideActor = withoutActor.length > 0 ? `t."entityType" = ANY(${sqlTextArray(withoutActor)})` : "false";
  return {
    recordType: "audit_event",
    title: "Audit trail events",
    file: "audit-events",
    table: "AuditEvent",
    reference: `'#' || t."id"`,
    date: `t."occurredAt"`,
    outcome: `t."action"`,
    controls: sqlTextArray(controlsForRecordType("audit_event").map((control) => control.id)),
    columns: [
      ...columns("id", "occurredAt"),
      { name: "actorChannel", sql: `CASE WHEN ${hideActor} THEN NULL ELSE t."actorChannel"::text END` },
      { name: "actorId", sql: `CASE WHEN ${hideActor} THEN NULL ELSE t."actorId" END` },
      ...columns("action", "entityType", "entityId"),
      { name: "changeControls", sql: `t."controls"` },
      ...columns("sealSeq", "prevHash", "hash"),
    ],
    redaction:
      "Before/after bodies of each change are not included (they may hold personal data); verify the chain with " +
      "`npm run audit:verify` against the live database. " +
      (withoutActor.length > 0 ? `The actor is left out of events about: ${withoutActor.join(", ")}.` : ""),
  };
}
