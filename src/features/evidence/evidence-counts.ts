import type { EvidencePeriod } from "./evidence-period.js";
import { countRecordsByControl, sourceIsAvailable, type RawQueryable } from "./evidence-query.js";
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
  const availability = await Promise.all(sources.map(async (source) => [source, await sourceIsAvailable(db, source)] as const));
  return {
    available: availability.filter(([, ok]) => ok).map(([source]) => source),
    missing: availability.filter(([, ok]) => !ok).map(([source]) => source),
  };
}

/** How many records, across every record type, list each control in their controls. */
export async function countEvidenceByControl(
  db: RawQueryable,
  sources: readonly EvidenceSource[] = EVIDENCE_SOURCES,
  period: EvidencePeriod = {},
): Promise<Map<string, number>> {
  const { available } = await checkSources(db, sources);
  const totals = new Map<string, number>();
  for (const source of available) {
    for (const [control, count] of await countRecordsByControl(db, source, period)) {
      totals.set(control, (totals.get(control) ?? 0) + count);
    }
  }
  return totals;
}
