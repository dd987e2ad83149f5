/** Roles, responsibilities and authorities (ISO 42001 5.3, A.3.2): who may decide, sign off, triage and own the AIMS. */
export const ROLE_CONTROLS = ["5.3", "A.3.2"] as const;

/** The people behind the roles: one person across channels, leavers marked (A.3.2, 7.2 for who is who). */
export const PEOPLE_CONTROLS = ["5.3", "A.3.2"] as const;
