/**
 * ISO/IEC 42001 controls link answers evidence: A.9.2 (processes for the responsible use of AI systems: people are
 * told at the moment they reach for a tool whether it is approved) and A.8.2 (information for users of AI systems).
 */
export const LINK_ANSWER_CONTROLS = ["A.9.2", "A.8.2"] as const;
