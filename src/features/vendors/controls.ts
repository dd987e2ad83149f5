/** ISO/IEC 42001 controls vendor records evidence: A.10.2 (allocating responsibilities), A.10.3 (suppliers). */
export const VENDOR_CONTROLS = ["A.10.2", "A.10.3"] as const;
export const VENDOR_REVIEW_CONTROLS = ["A.10.2", "A.10.3"] as const;
