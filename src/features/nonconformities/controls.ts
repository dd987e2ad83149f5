/**
 * ISO/IEC 42001 clauses each kind of record evidences: 10.2 (nonconformity and corrective action) and 10.1
 * (continual improvement) are management-system clauses; the SoA lists their evidence beside the Annex A controls.
 */
export const NONCONFORMITY_CONTROLS = ["10.2"] as const;
export const NC_CORRECTIVE_ACTION_CONTROLS = ["10.1", "10.2"] as const;
export const EFFECTIVENESS_CHECK_CONTROLS = ["10.2"] as const;
export const IMPROVEMENT_CONTROLS = ["10.1"] as const;

/** Days between the last corrective action done and the check that the actions worked. */
export const EFFECTIVENESS_CHECK_DAYS = 30;
