/** What incidents and nonconformities both say about their corrective actions. */
export const CORRECTIVE_ACTION_WORDING = {
  noSuchAction: "There is no such corrective action.",
} as const;
