/** Machine names of the record kinds that can evidence an Annex A control (fixed vocabulary). */
export const EVIDENCE_RECORD_TYPES = [
  "ai_tool_request",
  "approval_decision",
  "approval_stage_decision",
  "approval_stage_deadline",
  "register_entry",
  "impact_assessment",
  "questionnaire_definition",
  "concern",
  "incident",
  "corrective_action",
  "external_report_decision",
  "nonconformity",
  "effectiveness_check",
  "improvement",
  "objective",
  "objective_checkin",
  "review",
  "review_completion",
  "management_review",
  "internal_audit",
  "audit_finding",
  "policy",
  "training",
  "role_assignment",
  "group_membership",
  "audit_event",
  "soa_entry",
] as const;

export type EvidenceRecordType = (typeof EVIDENCE_RECORD_TYPES)[number];

const EVIDENCE_RECORD_TYPE_SET: ReadonlySet<string> = new Set(EVIDENCE_RECORD_TYPES);

export function isEvidenceRecordType(value: unknown): value is EvidenceRecordType {
  return typeof value === "string" && EVIDENCE_RECORD_TYPE_SET.has(value);
}
