import type { EvidencePeriod } from "./evidence-period.js";
import { countRecordsByControl, missingTables, sourceTables, type RawQueryable } from "./evidence-query.js";
import type { EvidenceSource } from "./evidence-source.js";
import { EVIDENCE_SOURCES } from "./sources/index.js";

export interface SourceAvailability {
  available: EvidenceSource[];
  /** Sources whose tables this database does not have yet. */
  missing: EvidenceSource[];
}

export async function checkSources(
  db: RawQueryable,
  sources: readonly EvidenceSource[] = EVIDENCE_SOURCES,
): Promise<SourceAvailability> {
  const missing = await missingTables(db, sources.flatMap(sourceTables));
  const isAvailable = (source: EvidenceSource) => sourceTables(source).every((table) => !missing.has(table));
  return { available: sources.filter(isAvailable), missing: sources.filter((source) => !isAvailable(source)) };
}

/** How many records, across every record type, list each control in their controls. */
export async function countEvidenceByControl(
  db: RawQueryable,
  sources: readonly EvidenceSource[] = EVIDENCE_SOURCES,
  period: EvidencePeriod = {},
): Promise<Map<string, number>> {
  const { available } = await checkSources(db, sources);
  return countRecordsByControl(db, available, period);
}
