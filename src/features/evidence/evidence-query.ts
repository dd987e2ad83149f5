import type { EvidencePeriod } from "./evidence-period.js";
import { quoteIdentifier, type EvidenceSource } from "./evidence-source.js";

/** What the evidence readers need of a database client: raw queries (Prisma's, or a transaction's). */
export interface RawQueryable {
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
}

export interface EvidenceRecord {
  readonly id: number | string;
  readonly reference: string;
  readonly controls: readonly string[];
  readonly outcome: string | null;
  /** Exported values by column name, in the source's column order. */
  readonly values: Readonly<Record<string, unknown>>;
}

export const DEFAULT_BATCH_SIZE = 1000;

function fromClause(source: EvidenceSource): string {
  const joins = (source.joins ?? []).map(
    (join) => ` ${join.optional ? "LEFT JOIN" : "JOIN"} ${quoteIdentifier(join.table)} ${join.alias} ON ${join.on}`,
  );
  return `FROM ${quoteIdentifier(source.table)} t${joins.join("")}`;
}

/** The WHERE conditions for the source and period, with their parameters numbered after `firstParameter - 1`. */
function conditions(source: EvidenceSource, period: EvidencePeriod, firstParameter: number) {
  const clauses = source.where ? [`(${source.where})`] : [];
  const values: unknown[] = [];
  const add = (sql: (placeholder: string) => string, value: unknown) => {
    values.push(value);
    clauses.push(sql(`$${firstParameter + values.length - 1}`));
  };
  if (period.from) add((p) => `${source.date} >= ${p}`, period.from);
  if (period.to) add((p) => `${source.date} < ${p}`, period.to);
  return { clauses, values };
}

function whereSql(clauses: readonly string[]): string {
  return clauses.length > 0 ? ` WHERE ${clauses.join(" AND ")}` : "";
}

function controlsSql(source: EvidenceSource): string {
  return source.controls ?? `t."controls"`;
}

/** The tables (of those given) that this database does not have yet: a feature's migration may not be applied. */
export async function missingTables(db: RawQueryable, tables: readonly string[]): Promise<Set<string>> {
  const rows = await db.$queryRawUnsafe<{ name: string }[]>(
    `SELECT name FROM unnest($1::text[]) AS name WHERE to_regclass(format('%I', name)) IS NULL`,
    [...new Set(tables)],
  );
  return new Set(rows.map((row) => row.name));
}

export function sourceTables(source: EvidenceSource): string[] {
  return [source.table, ...(source.joins ?? []).map((join) => join.table)];
}

export async function countRecords(db: RawQueryable, source: EvidenceSource, period: EvidencePeriod): Promise<number> {
  const { clauses, values } = conditions(source, period, 1);
  const rows = await db.$queryRawUnsafe<{ count: number }[]>(
    `SELECT count(*)::int AS "count" ${fromClause(source)}${whereSql(clauses)}`,
    ...values,
  );
  return rows[0].count;
}

/**
 * How many records of the given sources evidence each control, in one query (records listing a control twice count
 * once).
 */
export async function countRecordsByControl(
  db: RawQueryable,
  sources: readonly EvidenceSource[],
  period: EvidencePeriod = {},
): Promise<Map<string, number>> {
  if (sources.length === 0) return new Map();
  const values: unknown[] = [];
  const parts = sources.map((source) => {
    const { clauses, values: own } = conditions(source, period, values.length + 1);
    values.push(...own);
    return (
      `SELECT u."control", count(DISTINCT t."id")::int AS "count" ${fromClause(source)}` +
      ` CROSS JOIN LATERAL unnest(${controlsSql(source)}) AS u("control")${whereSql(clauses)} GROUP BY u."control"`
    );
  });
  const rows = await db.$queryRawUnsafe<{ control: string; count: number }[]>(
    `SELECT "control", sum("count")::int AS "count" FROM (${parts.join(" UNION ALL ")}) AS counts GROUP BY "control"`,
    ...values,
  );
  return new Map(rows.map((row) => [row.control, row.count]));
}

/**
 * How a source pages: on its integer id; or, when its id is text (a uuid, which carries no order), on its date then
 * its id, so its records come in time order.
 */
function keyset(source: EvidenceSource) {
  if (!source.textId) {
    return { where: `t."id" > $1`, order: `t."id"`, select: "", first: [0] as unknown[], next: (row: Record<string, unknown>) => [Number(row.id)] };
  }
  return {
    where: `(${source.date}, t."id") > ($1::timestamp(3), $2::text)`,
    order: `${source.date}, t."id"`,
    select: `, ${source.date} AS "k"`,
    first: ["-infinity", ""] as unknown[],
    next: (row: Record<string, unknown>) => [row.k, String(row.id)],
  };
}

/**
 * Every record of the source in the period, fetched a batch at a time (keyset pagination, see `keyset`), so an export
 * of any size holds one batch in memory.
 */
export async function* readEvidenceRecords(
  db: RawQueryable,
  source: EvidenceSource,
  period: EvidencePeriod,
  batchSize = DEFAULT_BATCH_SIZE,
): AsyncGenerator<EvidenceRecord> {
  const keys = keyset(source);
  const { clauses, values } = conditions(source, period, keys.first.length + 1);
  const selected = source.columns.map((column, index) => `${column.sql} AS "c${index}"`);
  const sql =
    `SELECT t."id" AS "id"${keys.select}, (${source.reference})::text AS "reference", ${controlsSql(source)} AS "controls", ` +
    `${source.outcome ? `(${source.outcome})::text` : "NULL::text"} AS "outcome"` +
    `${selected.map((s) => `, ${s}`).join("")} ${fromClause(source)}` +
    `${whereSql([keys.where, ...clauses])} ORDER BY ${keys.order} LIMIT ${Math.max(1, Math.floor(batchSize))}`;
  let after = keys.first; // serial ids start at 1
  for (;;) {
    const rows = await db.$queryRawUnsafe<Record<string, unknown>[]>(sql, ...after, ...values);
    for (const row of rows) {
      yield {
        id: source.textId ? String(row.id) : Number(row.id),
        reference: String(row.reference ?? row.id),
        controls: (row.controls as string[] | null) ?? [],
        outcome: (row.outcome as string | null) ?? null,
        values: Object.fromEntries(source.columns.map((column, index) => [column.name, row[`c${index}`]])),
      };
    }
    if (rows.length < batchSize) return;
    after = keys.next(rows[rows.length - 1]!);
  }
}
