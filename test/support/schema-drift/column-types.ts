import type { DmmfField } from "./dmmf.js";

/** Column types Prisma creates for scalar fields without `@db.*`, as `format_type()` prints them. */
const SCALAR_TYPES: Record<string, string> = {
  String: "text",
  Int: "integer",
  BigInt: "bigint",
  Float: "double precision",
  Decimal: "numeric(65,30)",
  Boolean: "boolean",
  DateTime: "timestamp(3) without time zone",
  Json: "jsonb",
  Bytes: "bytea",
};

const withArgs = (base: string, args: string[]) => (args.length > 0 ? `${base}(${args.join(",")})` : base);

/** PostgreSQL `@db.*` native types, as `format_type()` prints them. */
const NATIVE_TYPES: Record<string, (args: string[]) => string> = {
  Text: () => "text",
  Char: (args) => withArgs("character", args.length > 0 ? args : ["1"]),
  VarChar: (args) => withArgs("character varying", args),
  Bit: (args) => withArgs("bit", args.length > 0 ? args : ["1"]),
  VarBit: (args) => withArgs("bit varying", args),
  Uuid: () => "uuid",
  Xml: () => "xml",
  Inet: () => "inet",
  Citext: () => "citext",
  Boolean: () => "boolean",
  Integer: () => "integer",
  SmallInt: () => "smallint",
  BigInt: () => "bigint",
  Oid: () => "oid",
  Decimal: (args) => withArgs("numeric", args),
  Money: () => "money",
  Real: () => "real",
  DoublePrecision: () => "double precision",
  Timestamp: (args) => `${withArgs("timestamp", args)} without time zone`,
  Timestamptz: (args) => `${withArgs("timestamp", args)} with time zone`,
  Date: () => "date",
  Time: (args) => `${withArgs("time", args)} without time zone`,
  Timetz: (args) => `${withArgs("time", args)} with time zone`,
  Json: () => "json",
  JsonB: () => "jsonb",
  ByteA: () => "bytea",
};

/** The `format_type()` spelling of a field's column type, or null when Prisma cannot know it (`Unsupported`). */
export function expectedColumnType(field: DmmfField, enumDbNames: Map<string, string>): string | null {
  const base = baseType(field, enumDbNames);
  return base !== null && field.isList ? `${base}[]` : base;
}

function baseType(field: DmmfField, enumDbNames: Map<string, string>): string | null {
  if (field.kind === "enum") return enumDbNames.get(field.type) ?? field.type;
  if (field.kind !== "scalar") return null;
  if (field.nativeType) {
    const [name, args] = field.nativeType;
    const render = NATIVE_TYPES[name];
    if (!render) throw new Error(`Unknown PostgreSQL native type @db.${name} on field ${field.name}`);
    return render(args);
  }
  const scalar = SCALAR_TYPES[field.type];
  if (!scalar) throw new Error(`Unknown Prisma scalar type ${field.type} on field ${field.name}`);
  return scalar;
}
