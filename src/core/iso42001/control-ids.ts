/**
 * Annex A identifiers, written out literally so the compiler checks every control id used in code.
 * `controls.test.ts` keeps this list identical (ids and order) to annex-a.yaml.
 */
export const ANNEX_A_GROUP_IDS = ["A.2", "A.3", "A.4", "A.5", "A.6", "A.7", "A.8", "A.9", "A.10"] as const;

export type AnnexAGroupId = (typeof ANNEX_A_GROUP_IDS)[number];

export const CONTROL_IDS = [
  "A.2.2",
  "A.2.3",
  "A.2.4",
  "A.3.2",
  "A.3.3",
  "A.4.2",
  "A.4.3",
  "A.4.4",
  "A.4.5",
  "A.4.6",
  "A.5.2",
  "A.5.3",
  "A.5.4",
  "A.5.5",
  "A.6.1.2",
  "A.6.1.3",
  "A.6.2.2",
  "A.6.2.3",
  "A.6.2.4",
  "A.6.2.5",
  "A.6.2.6",
  "A.6.2.7",
  "A.6.2.8",
  "A.7.2",
  "A.7.3",
  "A.7.4",
  "A.7.5",
  "A.7.6",
  "A.8.2",
  "A.8.3",
  "A.8.4",
  "A.8.5",
  "A.9.2",
  "A.9.3",
  "A.9.4",
  "A.10.2",
  "A.10.3",
  "A.10.4",
] as const;

export type ControlId = (typeof CONTROL_IDS)[number];

const CONTROL_ID_SET: ReadonlySet<string> = new Set(CONTROL_IDS);

export function isControlId(value: unknown): value is ControlId {
  return typeof value === "string" && CONTROL_ID_SET.has(value);
}
