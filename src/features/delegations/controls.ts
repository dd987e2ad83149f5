/** Roles and responsibilities (A.3.2) and the approval of AI systems (A.9.2): who decides in an approver's place. */
export const DELEGATION_CONTROLS = ["A.3.2", "A.9.2"] as const;
