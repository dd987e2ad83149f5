/**
 * ISO/IEC 42001 controls every EU AI Act classification evidences, besides its outcome's own (in the definition):
 * the system's intended use and the responsibilities it carries (A.9.4, A.10.2), as an input to the impact
 * assessment process (A.5.2).
 */
export const CLASSIFICATION_CONTROLS = ["A.5.2", "A.9.4", "A.10.2"] as const;
