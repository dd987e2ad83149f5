import path from "node:path";
import { csvRow, jsonValue } from "../csv.js";
import type { EvidencePeriod } from "../evidence-period.js";
import { countRecords, readEvidenceRecords, type RawQueryable } from "../evidence-query.js";
import type { EvidenceSource } from "../evidence-source.js";
import { SourceTally } from "./source-tally.js";
import { TextFile } from "./text-file.js";

export const EVIDENCE_MAP_HEADER = csvRow(["control", "recordType", "reference"]);

export interface RecordProgress {
  source: EvidenceSource;
  done: number;
  total: number;
}

export function recordFiles(source: EvidenceSource) {
  return { csv: `records/${source.file}.csv`, json: `records/${source.file}.json` };
}

/**
 * Streams one record type into records/<file>.csv and .json, and a line per (control, record) into the evidence map,
 * a batch at a time. Returns the tally the index is written from.
 */
export async function exportSourceRecords(options: {
  db: RawQueryable;
  source: EvidenceSource;
  period: EvidencePeriod;
  folder: string;
  evidenceMap: TextFile;
  batchSize?: number;
  onProgress?: (progress: RecordProgress) => void;
}): Promise<SourceTally> {
  const { db, source, period, folder, evidenceMap } = options;
  const files = recordFiles(source);
  const total = await countRecords(db, source, period);
  const csv = await TextFile.create(path.join(folder, files.csv));
  const json = await TextFile.create(path.join(folder, files.json));
  const tally = new SourceTally(source);
  const report = () => options.onProgress?.({ source, done: tally.count, total });
  try {
    await csv.write(csvRow(["reference", ...source.columns.map((column) => column.name)]));
    await json.write("[");
    report();
    for await (const record of readEvidenceRecords(db, source, period, options.batchSize)) {
      await csv.write(csvRow([record.reference, ...source.columns.map((column) => record.values[column.name])]));
      const item = { reference: record.reference, ...mapValues(record.values) };
      await json.write(`${tally.count === 0 ? "\n" : ",\n"}${JSON.stringify(item)}`);
      for (const control of new Set(record.controls)) {
        await evidenceMap.write(csvRow([control, source.recordType, record.reference]));
      }
      tally.add(record);
      if (tally.count % 1000 === 0) report();
    }
    await json.write(tally.count === 0 ? "]\n" : "\n]\n");
    report();
  } finally {
    await csv.close();
    await json.close();
  }
  return tally;
}

function mapValues(values: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).map(([name, value]) => [name, jsonValue(value)]));
}
