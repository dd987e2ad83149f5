/** The verb of the erasure card. */
export const ERASURE_VERBS = { erase: "person.erase" } as const;
