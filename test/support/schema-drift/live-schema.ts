import type { Queryable } from "../../../src/db/migrations/queryable.js";
import type { EnumShape, ForeignKeyShape, KeyShape, LiveColumn, LiveSchema, LiveTable, ReferentialAction } from "./shapes.js";

const ACTIONS: Record<string, ReferentialAction> = {
  a: "NoAction",
  r: "Restrict",
  c: "Cascade",
  n: "SetNull",
  d: "SetDefault",
};

/** Reads tables, columns, keys, indexes and enums of the connection's current schema from pg_catalog. */
export async function readLiveSchema(db: Queryable): Promise<LiveSchema> {
  const [tables, columns, constraints, indexes, enums] = await Promise.all([
    db.query<{ table: string }>(
      `SELECT c.relname::text AS table FROM pg_class c
        WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p')`,
    ),
    db.query<LiveColumn & { table: string }>(
      `SELECT c.relname::text AS table, a.attname::text AS name,
              replace(format_type(a.atttypid, a.atttypmod), '"', '') AS type,
              a.attnotnull AS "notNull", pg_get_expr(d.adbin, d.adrelid) AS default
         FROM pg_attribute a
         JOIN pg_class c ON c.oid = a.attrelid
         LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
        WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p')
          AND a.attnum > 0 AND NOT a.attisdropped
        ORDER BY c.relname, a.attnum`,
    ),
    db.query<{ table: string; type: "p" | "f"; name: string; columns: string[]; referencedTable: string | null;
      referencedColumns: string[] | null; onDelete: string; onUpdate: string }>(
      `SELECT c.relname::text AS table, k.contype AS type, k.conname::text AS name,
              ARRAY(SELECT a.attname::text FROM unnest(k.conkey) WITH ORDINALITY u(attnum, ord)
                      JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.attnum ORDER BY u.ord) AS columns,
              r.relname::text AS "referencedTable",
              ARRAY(SELECT a.attname::text FROM unnest(k.confkey) WITH ORDINALITY u(attnum, ord)
                      JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.attnum ORDER BY u.ord) AS "referencedColumns",
              k.confdeltype AS "onDelete", k.confupdtype AS "onUpdate"
         FROM pg_constraint k
         JOIN pg_class c ON c.oid = k.conrelid
         LEFT JOIN pg_class r ON r.oid = k.confrelid
        WHERE c.relnamespace = current_schema()::regnamespace AND k.contype IN ('p', 'f')`,
    ),
    db.query<{ table: string; name: string; unique: boolean; partial: boolean; columns: string[] }>(
      `SELECT t.relname::text AS table, i.relname::text AS name, x.indisunique AS unique,
              x.indpred IS NOT NULL AS partial,
              ARRAY(SELECT coalesce(a.attname::text, '(expression)')
                      FROM unnest(x.indkey::int2[]) WITH ORDINALITY u(attnum, ord)
                      LEFT JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = u.attnum
                     ORDER BY u.ord) AS columns
         FROM pg_index x
         JOIN pg_class i ON i.oid = x.indexrelid
         JOIN pg_class t ON t.oid = x.indrelid
        WHERE t.relnamespace = current_schema()::regnamespace AND NOT x.indisprimary`,
    ),
    db.query<EnumShape>(
      `SELECT t.typname::text AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS values
         FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
        WHERE t.typnamespace = current_schema()::regnamespace
        GROUP BY t.typname`,
    ),
  ]);

  const liveTables = tables.rows.map(({ table }): LiveTable => {
    const own = <R extends { table: string }>(rows: R[]) => rows.filter((row) => row.table === table);
    const keys = own(constraints.rows);
    const primaryKey = keys.find((key) => key.type === "p");
    return {
      name: table,
      columns: own(columns.rows).map(({ name, type, notNull, default: columnDefault }) => ({
        name,
        type,
        notNull,
        default: columnDefault,
      })),
      primaryKey: primaryKey ? ({ name: primaryKey.name, columns: primaryKey.columns } satisfies KeyShape) : null,
      indexes: own(indexes.rows).map(({ name, columns: indexColumns, unique, partial }) => ({
        name,
        columns: indexColumns,
        unique,
        partial,
      })),
      foreignKeys: keys
        .filter((key) => key.type === "f")
        .map((key): ForeignKeyShape => ({
          name: key.name,
          columns: key.columns,
          referencedTable: key.referencedTable ?? "",
          referencedColumns: key.referencedColumns ?? [],
          onDelete: ACTIONS[key.onDelete] ?? "NoAction",
          onUpdate: ACTIONS[key.onUpdate] ?? "NoAction",
        })),
    };
  });
  return { tables: liveTables, enums: enums.rows };
}
