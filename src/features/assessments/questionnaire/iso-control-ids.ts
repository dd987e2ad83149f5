/** The 38 ISO/IEC 42001:2023 Annex A control ids (see /work/shared/reference/iso42001-annex-a.md). */
export const ANNEX_A_CONTROL_IDS: readonly string[] = [
  "A.2.2", "A.2.3", "A.2.4",
  "A.3.2", "A.3.3",
  "A.4.2", "A.4.3", "A.4.4", "A.4.5", "A.4.6",
  "A.5.2", "A.5.3", "A.5.4", "A.5.5",
  "A.6.1.2", "A.6.1.3", "A.6.2.2", "A.6.2.3", "A.6.2.4", "A.6.2.5", "A.6.2.6", "A.6.2.7", "A.6.2.8",
  "A.7.2", "A.7.3", "A.7.4", "A.7.5", "A.7.6",
  "A.8.2", "A.8.3", "A.8.4", "A.8.5",
  "A.9.2", "A.9.3", "A.9.4",
  "A.10.2", "A.10.3", "A.10.4",
];

/** Management-system clauses 4 to 10 with at least one sub-clause, e.g. "6.1.4" or "8.4". */
const CLAUSE_ID_PATTERN = /^(?:[4-9]|10)(?:\.[1-9]\d?){1,2}$/;

export function isIsoControlOrClauseId(id: string): boolean {
  return ANNEX_A_CONTROL_IDS.includes(id) || CLAUSE_ID_PATTERN.test(id);
}
