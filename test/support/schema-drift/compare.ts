import type {
  ExpectedColumn,
  ExpectedSchema,
  ExpectedTable,
  ForeignKeyShape,
  IndexShape,
  KeyShape,
  LiveColumn,
  LiveSchema,
  LiveTable,
} from "./shapes.js";

/** Tables that are allowed in the database without a model. */
const BOOKKEEPING_TABLES = new Set(["_prisma_migrations"]);

const list = (columns: string[]) => `(${columns.join(", ")})`;
const sameColumns = (a: string[], b: string[]) => a.length === b.length && a.every((column, i) => column === b[i]);

/** Human-readable differences between what Prisma expects and what the database holds. */
export function compareSchemas(expected: ExpectedSchema, live: LiveSchema): string[] {
  return [...compareEnums(expected, live), ...compareTables(expected, live)];
}

function compareEnums(expected: ExpectedSchema, live: LiveSchema): string[] {
  const problems: string[] = [];
  for (const wanted of expected.enums) {
    const found = live.enums.find((e) => e.name === wanted.name);
    if (!found) problems.push(`Enum type "${wanted.name}" is missing`);
    else if (!sameColumns([...found.values].sort(), [...wanted.values].sort())) {
      problems.push(`Enum type "${wanted.name}" has values ${list(found.values)}, expected ${list(wanted.values)}`);
    }
  }
  for (const extra of live.enums.filter((e) => !expected.enums.some((wanted) => wanted.name === e.name))) {
    problems.push(`Enum type "${extra.name}" exists in the database but not in the Prisma schema`);
  }
  return problems;
}

function compareTables(expected: ExpectedSchema, live: LiveSchema): string[] {
  const problems: string[] = [];
  for (const wanted of expected.tables) {
    const found = live.tables.find((table) => table.name === wanted.name);
    if (!found) problems.push(`Table "${wanted.name}" (${wanted.source}) is missing`);
    else problems.push(...compareTable(wanted, found));
  }
  for (const extra of live.tables) {
    if (BOOKKEEPING_TABLES.has(extra.name) || expected.tables.some((table) => table.name === extra.name)) continue;
    problems.push(`Table "${extra.name}" exists in the database but not in the Prisma schema`);
  }
  return problems;
}

function compareTable(wanted: ExpectedTable, found: LiveTable): string[] {
  const table = `"${wanted.name}"`;
  const problems: string[] = [];
  for (const column of wanted.columns) {
    const liveColumn = found.columns.find((candidate) => candidate.name === column.name);
    if (!liveColumn) problems.push(`Column ${table}."${column.name}" (${column.source}) is missing`);
    else problems.push(...compareColumn(`Column ${table}."${column.name}" (${column.source})`, column, liveColumn));
  }
  for (const extra of found.columns.filter((column) => !wanted.columns.some((c) => c.name === column.name))) {
    problems.push(`Column ${table}."${extra.name}" exists in the database but not in the Prisma schema`);
  }
  problems.push(...comparePrimaryKey(table, wanted.primaryKey, found.primaryKey));
  problems.push(
    ...compareNamed(table, wanted.indexes, found.indexes, indexLabel, (a, b) => a.unique === b.unique && sameColumns(a.columns, b.columns)),
  );
  problems.push(...compareNamed(table, wanted.foreignKeys, found.foreignKeys, foreignKeyLabel, sameForeignKey));
  return problems;
}

function compareColumn(label: string, wanted: ExpectedColumn, found: LiveColumn): string[] {
  const problems: string[] = [];
  if (wanted.type !== null && wanted.type !== found.type) {
    problems.push(`${label} has type ${found.type}, expected ${wanted.type}`);
  }
  if (wanted.notNull !== found.notNull) {
    problems.push(`${label} is ${found.notNull ? "NOT NULL" : "nullable"}, expected ${wanted.notNull ? "NOT NULL" : "nullable"}`);
  }
  const defaultProblem = compareDefault(wanted, found.default);
  if (defaultProblem) problems.push(`${label} ${defaultProblem}`);
  return problems;
}

function compareDefault(wanted: ExpectedColumn, found: string | null): string | null {
  const expected = wanted.default;
  const actual = found === null ? "has no default" : `has default ${found}`;
  switch (expected.kind) {
    case "unchecked":
      return null;
    case "none":
      return found === null ? null : `${actual}, expected no database default`;
    case "autoincrement":
      return found?.startsWith("nextval(") ? null : `${actual}, expected autoincrement() (a sequence)`;
    case "now":
      return found === "CURRENT_TIMESTAMP" || found === "now()" ? null : `${actual}, expected now()`;
    case "dbgenerated":
      return found !== null ? null : `${actual}, expected a dbgenerated(...) default`;
    case "literal":
      return found !== null && literalMatches(expected.value, expected.compareAs, found)
        ? null
        : `${actual}, expected ${JSON.stringify(expected.value)}`;
  }
}

/** Reads `'text'::type`, `42`, `'-1'::integer` or `true` back into its literal text. */
function literalText(expression: string): string | null {
  const quoted = /^'((?:[^']|'')*)'(?:::.+)?$/s.exec(expression);
  if (quoted) return quoted[1]!.replaceAll("''", "'");
  return /^\(?(-?[0-9.]+|true|false)\)?(?:::[\w ]+)?$/.exec(expression)?.[1] ?? null;
}

function literalMatches(value: unknown, compareAs: "text" | "number" | "json" | "presence", found: string): boolean {
  if (compareAs === "presence") return true;
  const text = literalText(found);
  if (text === null) return false;
  if (compareAs === "number") return Number(text) === Number(value);
  if (compareAs === "json") return canonicalJson(text) === canonicalJson(String(value));
  return text === String(value);
}

function canonicalJson(text: string): string | null {
  const sortKeys = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(sortKeys);
    if (value === null || typeof value !== "object") return value;
    return Object.fromEntries(Object.keys(value).sort().map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]));
  };
  try {
    return JSON.stringify(sortKeys(JSON.parse(text)));
  } catch {
    return null;
  }
}

function comparePrimaryKey(table: string, wanted: KeyShape | null, found: KeyShape | null): string[] {
  if (!wanted && !found) return [];
  if (!wanted) return [`Table ${table} has primary key "${found!.name}" ${list(found!.columns)}, but the model has no @id`];
  if (!found) return [`Table ${table} has no primary key, expected "${wanted.name}" on ${list(wanted.columns)}`];
  const problems: string[] = [];
  if (!sameColumns(wanted.columns, found.columns)) {
    problems.push(`Primary key of ${table} is on ${list(found.columns)}, expected ${list(wanted.columns)}`);
  }
  if (wanted.name !== found.name) problems.push(`Primary key of ${table} is named "${found.name}", expected "${wanted.name}"`);
  return problems;
}

const indexLabel = (index: IndexShape) => `${index.unique ? "Unique index" : "Index"} on ${list(index.columns)}`;

const foreignKeyLabel = (key: ForeignKeyShape) =>
  `Foreign key ${list(key.columns)} -> "${key.referencedTable}" ${list(key.referencedColumns)} ` +
  `ON DELETE ${key.onDelete} ON UPDATE ${key.onUpdate}`;

const sameForeignKey = (a: ForeignKeyShape, b: ForeignKeyShape) =>
  sameColumns(a.columns, b.columns) &&
  a.referencedTable === b.referencedTable &&
  sameColumns(a.referencedColumns, b.referencedColumns) &&
  a.onDelete === b.onDelete &&
  a.onUpdate === b.onUpdate;

/**
 * Matches expected indexes / foreign keys to live ones by name, then by definition, so a renamed
 * object is reported as "named X" rather than as one missing plus one extra.
 */
function compareNamed<T extends KeyShape>(
  table: string,
  wanted: T[],
  found: T[],
  label: (shape: T) => string,
  sameDefinition: (a: T, b: T) => boolean,
): string[] {
  const problems: string[] = [];
  const unmatched = [...found];
  const take = (candidate: T | undefined) => {
    if (candidate) unmatched.splice(unmatched.indexOf(candidate), 1);
    return candidate;
  };
  for (const shape of wanted) {
    const byName = take(unmatched.find((candidate) => candidate.name === shape.name));
    if (byName) {
      if (!sameDefinition(shape, byName)) {
        problems.push(`"${shape.name}" on ${table} is ${label(byName)}, expected ${label(shape)}`);
      }
      continue;
    }
    const byDefinition = take(unmatched.find((candidate) => sameDefinition(shape, candidate)));
    if (byDefinition) problems.push(`${label(shape)} on ${table} is named "${byDefinition.name}", expected "${shape.name}"`);
    else problems.push(`${label(shape)} on ${table} ("${shape.name}") is missing`);
  }
  for (const extra of unmatched) problems.push(`"${extra.name}" on ${table} (${label(extra)}) is not in the Prisma schema`);
  return problems;
}
