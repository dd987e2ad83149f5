/**
 * ISO/IEC 42001 controls and clauses each kind of incident record evidences. "10.2" (nonconformity and corrective
 * action) is a management-system clause rather than an Annex A control; auditors look for it on the same records.
 */
export const INCIDENT_CONTROLS = ["A.6.2.6", "A.8.3", "A.8.4", "10.2"] as const;
export const TIMELINE_CONTROLS = ["A.6.2.6", "A.8.4"] as const;
export const CORRECTIVE_ACTION_CONTROLS = ["A.6.2.6", "10.1", "10.2"] as const;
export const EXTERNAL_REPORT_CONTROLS = ["A.8.3"] as const;
