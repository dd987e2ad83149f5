import type { EvidenceRecordType } from "../../core/iso42001/controls.js";

/** One exported column: its header and the SQL expression that reads it (over the source's table, alias `t`). */
export interface EvidenceColumn {
  readonly name: string;
  readonly sql: string;
}

export interface EvidenceJoin {
  readonly table: string;
  readonly alias: string;
  /** The join condition, e.g. `r."id" = t."requestId"`. */
  readonly on: string;
  /** A LEFT JOIN: the row is kept when nothing matches (a corrective action of a nonconformity has no incident). */
  readonly optional?: boolean;
}

/**
 * One kind of record that evidences Annex A controls, described as data so a feature plugs into the SoA evidence
 * counts and the audit pack with one entry in `sources/index.ts`. Columns are an allowlist: a field added to the
 * table later is never exported until someone adds it here, which is how identities stay out of the pack.
 * All SQL here is written by us (never user input); `t` is the table, keyset-paginated on its integer `id`.
 */
export interface EvidenceSource {
  readonly recordType: EvidenceRecordType;
  /** Plural title for people, e.g. "AI tool requests". */
  readonly title: string;
  /** File name (no extension) under records/ in the audit pack. */
  readonly file: string;
  readonly table: string;
  /** The table's `id` is text (a uuid) rather than an integer: records page by `date` (a timestamp) then id. */
  readonly textId?: boolean;
  readonly joins?: readonly EvidenceJoin[];
  /** Extra condition every exported row meets (e.g. only completed occurrences). */
  readonly where?: string;
  /** A human reference for the record, e.g. `t."reference"`. */
  readonly reference: string;
  /** When the record happened, for the --from/--to period. */
  readonly date: string;
  /** The outcome or state that the pack tallies per record type (e.g. status); absent when there is none. */
  readonly outcome?: string;
  /** The controls a record evidences; by default its own `controls` column. */
  readonly controls?: string;
  readonly columns: readonly EvidenceColumn[];
  /** What was left out on purpose and why, shown to the auditor. */
  readonly redaction?: string;
  /** Audit events about these entity types are exported without their actor (e.g. whoever raised a concern). */
  readonly auditEntityTypesWithoutActor?: readonly string[];
}

/** Reads a column of the source's own table under its own name. */
export function column(name: string, cast?: "text" | "date"): EvidenceColumn {
  const sql = `t.${quoteIdentifier(name)}`;
  if (cast === "date") return { name, sql: `to_char(${sql}, 'YYYY-MM-DD')` };
  return { name, sql: cast ? `${sql}::${cast}` : sql };
}

export function columns(...names: string[]): EvidenceColumn[] {
  return names.map((name) => column(name));
}

/** `"Name"`, for identifiers we wrote ourselves; anything that is not a plain identifier is refused. */
export function quoteIdentifier(name: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`Not a plain SQL identifier: ${name}`);
  return `"${name}"`;
}

/** A text[] literal of values we wrote ourselves (control ids), quotes escaped. */
export function sqlTextArray(values: readonly string[]): string {
  return `ARRAY[${values.map((value) => `'${value.replace(/'/g, "''")}'`).join(", ")}]::text[]`;
}
