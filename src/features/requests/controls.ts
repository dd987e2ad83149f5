/** ISO/IEC 42001 Annex A controls each kind of request record evidences. */
export const REQUEST_CONTROLS = ["A.4.3", "A.4.4", "A.7.3", "A.7.5", "A.9.2", "A.9.4", "A.10.3", "A.10.4"] as const;
export const DECISION_CONTROLS = ["A.3.2", "A.6.2.5", "A.9.2"] as const;
export const REGISTER_CONTROLS = ["A.4.2", "A.4.3", "A.4.4", "A.4.5", "A.4.6", "A.6.2.7", "A.10.2", "A.10.3"] as const;
/** An approval that ends: its period, renewal and expiry (approval of use A.6.2.5, responsible and intended use A.9.2–A.9.4). */
export const EXPIRY_CONTROLS = ["A.6.2.5", "A.9.2", "A.9.3", "A.9.4"] as const;
