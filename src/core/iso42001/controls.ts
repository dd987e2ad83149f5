import { parseAnnexACatalogue, type AnnexAControl, type Clause } from "./annex-a-catalogue.js";
import type { ControlId } from "./control-ids.js";
import type { EvidenceRecordType } from "./evidence-record-types.js";
import { readRepoTextFile } from "./yaml-data-file.js";

export { CONTROL_IDS, ANNEX_A_GROUP_IDS, isControlId } from "./control-ids.js";
export type { ControlId, AnnexAGroupId } from "./control-ids.js";
export { EVIDENCE_RECORD_TYPES, isEvidenceRecordType } from "./evidence-record-types.js";
export type { EvidenceRecordType } from "./evidence-record-types.js";
export type { AnnexAControl, AnnexAGroup, Clause } from "./annex-a-catalogue.js";

export const ANNEX_A_CATALOGUE_PATH = "src/core/iso42001/annex-a.yaml";

const catalogue = parseAnnexACatalogue(readRepoTextFile(ANNEX_A_CATALOGUE_PATH), ANNEX_A_CATALOGUE_PATH);

/** Annex A sections A.2..A.10 in catalogue order. */
export const ANNEX_A_GROUPS = catalogue.groups;

/** All 38 Annex A controls in catalogue order. */
export const ANNEX_A_CONTROLS = catalogue.controls;

/** Management-system clauses (4.1–10.2) the bot takes part in. */
export const CLAUSES = catalogue.clauses;

const controlsById: ReadonlyMap<string, AnnexAControl> = new Map(
  ANNEX_A_CONTROLS.map((control) => [control.id, control]),
);

export function controlById(id: ControlId): AnnexAControl;
export function controlById(id: string): AnnexAControl | undefined;
export function controlById(id: string): AnnexAControl | undefined {
  return controlsById.get(id);
}

/** Management-system clauses that a record of the given kind evidences (10.2 for nonconformities). */
export function clausesForRecordType(recordType: EvidenceRecordType): readonly Clause[] {
  return CLAUSES.filter((clause) => clause.evidenceRecordTypes.includes(recordType));
}

/** Controls (in catalogue order) that a record of the given kind can evidence. */
export function controlsForRecordType(recordType: EvidenceRecordType): readonly AnnexAControl[] {
  return ANNEX_A_CONTROLS.filter((control) => control.evidenceRecordTypes.includes(recordType));
}
