import type { EvidenceRecord } from "../evidence-query.js";
import type { EvidenceSource } from "../evidence-source.js";

/** References quoted per control and record type in the index; the rest are in the files. */
export const SAMPLE_REFERENCES = 5;

/** What the index says about one record type: small, whatever the number of records. */
export class SourceTally {
  count = 0;
  readonly byControl = new Map<string, number>();
  readonly samples = new Map<string, string[]>();
  readonly outcomes = new Map<string, number>();

  constructor(readonly source: EvidenceSource) {}

  add(record: EvidenceRecord): void {
    this.count += 1;
    if (record.outcome !== null) this.outcomes.set(record.outcome, (this.outcomes.get(record.outcome) ?? 0) + 1);
    for (const control of new Set(record.controls)) {
      this.byControl.set(control, (this.byControl.get(control) ?? 0) + 1);
      const samples = this.samples.get(control) ?? [];
      if (samples.length < SAMPLE_REFERENCES) this.samples.set(control, [...samples, record.reference]);
    }
  }
}
