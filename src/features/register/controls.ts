/** ISO/IEC 42001 controls the register's details evidence: resources, their documentation and information for users. */
export const REGISTER_DETAILS_CONTROLS = ["A.4.2", "A.4.3", "A.4.4", "A.4.5", "A.4.6", "A.6.2.2", "A.6.2.3", "A.8.2"] as const;
/** A lifecycle change: operation and monitoring (suspended, resumed) and retirement, with its records (A.6.2.6, A.6.2.7). */
export const LIFECYCLE_CONTROLS = ["A.6.2.6", "A.6.2.7", "A.6.2.8", "A.8.2"] as const;
/** People recorded as using a system: human resources and responsible use (A.4.6, A.9.2). */
export const USER_CONTROLS = ["A.4.6", "A.9.2"] as const;
