/**
 * ISO/IEC 42001 clauses management-review records evidence: 9.3 (management review) on every record; a decision
 * about an opportunity for improvement, and the actions that follow a review, also evidence 10.1 (continual
 * improvement).
 */
export const MANAGEMENT_REVIEW_CONTROLS = ["9.3"] as const;
export const IMPROVEMENT_CONTROLS = ["9.3", "10.1"] as const;
