/**
 * ISO/IEC 42001 clauses each internal-audit record evidences: 9.2 (internal audit) is a management-system clause,
 * not an Annex A control; the pack lists it under "Evidence by management-system clause".
 */
export const INTERNAL_AUDIT_CONTROLS = ["9.2"] as const;
export const AUDIT_FINDING_CONTROLS = ["9.2"] as const;
