/** A published document version: the AI policy and the rules people must accept (ISO 42001 5.2, A.2.2). */
export const POLICY_CONTROLS = ["5.2", "A.2.2"] as const;

/** A campaign asking people to accept a document: communication and awareness (7.3, 7.4), on the policy (5.2, A.2.2). */
export const CAMPAIGN_CONTROLS = ["5.2", "7.3", "7.4", "A.2.2"] as const;

/** One person's acceptance of one document version: awareness and competence evidence per person. */
export const ACKNOWLEDGEMENT_CONTROLS = ["5.2", "7.2", "7.3", "7.4", "A.2.2"] as const;
