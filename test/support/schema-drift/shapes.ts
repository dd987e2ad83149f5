/** Database objects as Prisma would create them (expected) or as found in the catalog (live). */

export interface KeyShape {
  name: string;
  columns: string[];
}

export interface IndexShape extends KeyShape {
  unique: boolean;
}

export type ReferentialAction = "Cascade" | "Restrict" | "NoAction" | "SetNull" | "SetDefault";

export interface ForeignKeyShape extends KeyShape {
  referencedTable: string;
  referencedColumns: string[];
  onDelete: ReferentialAction;
  onUpdate: ReferentialAction;
}

export interface EnumShape {
  name: string;
  values: string[];
}

/** What a column default must look like; `unchecked` when Prisma leaves it to the database author. */
export type ExpectedDefault =
  | { kind: "none" }
  | { kind: "autoincrement" }
  | { kind: "now" }
  | { kind: "dbgenerated" }
  | { kind: "literal"; value: unknown; compareAs: "text" | "number" | "json" | "presence" }
  | { kind: "unchecked" };

export interface ExpectedColumn {
  name: string;
  /** `Model.field`, for messages. */
  source: string;
  /** As printed by `format_type()` without quotes, or null for `Unsupported(...)` fields. */
  type: string | null;
  notNull: boolean;
  default: ExpectedDefault;
}

export interface ExpectedTable {
  name: string;
  /** Model (or implicit relation) the table comes from, for messages. */
  source: string;
  columns: ExpectedColumn[];
  primaryKey: KeyShape | null;
  indexes: IndexShape[];
  foreignKeys: ForeignKeyShape[];
}

export interface LiveColumn {
  name: string;
  type: string;
  notNull: boolean;
  default: string | null;
}

export interface LiveTable {
  name: string;
  columns: LiveColumn[];
  primaryKey: KeyShape | null;
  /** Excludes the primary key's index; an expression column appears as "(expression)". */
  indexes: (IndexShape & { partial: boolean })[];
  foreignKeys: ForeignKeyShape[];
}

export interface ExpectedSchema {
  tables: ExpectedTable[];
  enums: EnumShape[];
}

export interface LiveSchema {
  tables: LiveTable[];
  enums: EnumShape[];
}
