import { expectedColumnType } from "./column-types.js";
import { isFunctionDefault, type Datamodel, type DmmfField, type DmmfModel } from "./dmmf.js";
import { foreignKeyName, indexName, primaryKeyName, uniqueIndexName } from "./prisma-names.js";
import type { ExpectedColumn, ExpectedDefault, ExpectedSchema, ExpectedTable, ForeignKeyShape, ReferentialAction } from "./shapes.js";

/** Defaults Prisma Client generates itself; they leave no trace in the database. */
const CLIENT_SIDE_DEFAULTS = new Set(["uuid", "cuid", "ulid", "nanoid"]);

/** The tables, keys, indexes and enums `prisma migrate` would create for this datamodel. */
export function expectedSchema(datamodel: Datamodel): ExpectedSchema {
  const enumDbNames = new Map(datamodel.enums.map((e) => [e.name, e.dbName ?? e.name]));
  const enumValueDbNames = new Map(
    datamodel.enums.map((e) => [e.name, new Map(e.values.map((value) => [value.name, value.dbName ?? value.name]))]),
  );
  const models = new Map(datamodel.models.map((model) => [model.name, model]));
  const tables = datamodel.models.map((model) => modelTable(model, datamodel, models, { enumDbNames, enumValueDbNames }));
  return {
    tables: [...tables, ...implicitManyToManyTables(datamodel.models, models, enumDbNames)],
    enums: datamodel.enums.map((e) => ({
      name: e.dbName ?? e.name,
      values: e.values.map((value) => value.dbName ?? value.name),
    })),
  };
}

const tableName = (model: DmmfModel) => model.dbName ?? model.name;
const columnName = (field: DmmfField) => field.dbName ?? field.name;

function columnNames(model: DmmfModel, fieldNames: string[]): string[] {
  return fieldNames.map((name) => {
    const field = model.fields.find((candidate) => candidate.name === name);
    if (!field) throw new Error(`Model ${model.name} has no field ${name}`);
    return columnName(field);
  });
}

/** Database names of enums and of their values (`@@map` / `@map`). */
interface EnumNames {
  enumDbNames: Map<string, string>;
  enumValueDbNames: Map<string, Map<string, string>>;
}

function modelTable(model: DmmfModel, datamodel: Datamodel, models: Map<string, DmmfModel>, enums: EnumNames): ExpectedTable {
  const table = tableName(model);
  const indexes = datamodel.indexes.filter((index) => index.model === model.name);
  const id = indexes.find((index) => index.type === "id");
  const scalarFields = model.fields.filter((field) => field.kind !== "object");
  return {
    name: table,
    source: `model ${model.name}`,
    columns: scalarFields.map((field) => column(model, field, enums)),
    primaryKey: id
      ? { name: id.dbName ?? primaryKeyName(table), columns: columnNames(model, id.fields.map((f) => f.name)) }
      : null,
    indexes: indexes
      .filter((index) => index.type === "unique" || index.type === "normal")
      .map((index) => {
        const columns = columnNames(model, index.fields.map((f) => f.name));
        const unique = index.type === "unique";
        const defaultName = unique ? uniqueIndexName(table, columns) : indexName(table, columns);
        return { name: index.dbName ?? defaultName, columns, unique };
      }),
    foreignKeys: model.fields
      .filter((field) => field.kind === "object" && (field.relationFromFields?.length ?? 0) > 0)
      .map((field) => foreignKey(model, field, models)),
  };
}

function column(model: DmmfModel, field: DmmfField, enums: EnumNames): ExpectedColumn {
  return {
    name: columnName(field),
    source: `${model.name}.${field.name}`,
    type: expectedColumnType(field, enums.enumDbNames),
    // Prisma never makes list columns NOT NULL.
    notNull: field.isRequired && !field.isList,
    default: expectedDefault(field, enums.enumValueDbNames.get(field.type)),
  };
}

function expectedDefault(field: DmmfField, enumValueDbNames: Map<string, string> | undefined): ExpectedDefault {
  if (!field.hasDefaultValue || field.default === undefined) return { kind: "none" };
  const value = field.default;
  if (isFunctionDefault(value)) {
    if (value.name === "autoincrement") return { kind: "autoincrement" };
    if (value.name === "now") return { kind: "now" };
    if (value.name === "dbgenerated") return value.args.length > 0 ? { kind: "dbgenerated" } : { kind: "unchecked" };
    if (CLIENT_SIDE_DEFAULTS.has(value.name)) return { kind: "none" };
    return { kind: "unchecked" };
  }
  if (field.isList) return { kind: "literal", value, compareAs: "presence" };
  if (field.kind === "enum") {
    return { kind: "literal", value: enumValueDbNames?.get(String(value)) ?? value, compareAs: "text" };
  }
  if (field.type === "String") return { kind: "literal", value, compareAs: "text" };
  if (["Int", "BigInt", "Float", "Decimal", "Boolean"].includes(field.type)) {
    return { kind: "literal", value, compareAs: field.type === "Boolean" ? "text" : "number" };
  }
  if (field.type === "Json") return { kind: "literal", value, compareAs: "json" };
  return { kind: "literal", value, compareAs: "presence" };
}

function foreignKey(model: DmmfModel, field: DmmfField, models: Map<string, DmmfModel>): ForeignKeyShape {
  const target = models.get(field.type);
  if (!target) throw new Error(`Relation ${model.name}.${field.name} points at unknown model ${field.type}`);
  const columns = columnNames(model, field.relationFromFields ?? []);
  return {
    // DMMF does not expose `@relation(map: ...)`, so constraint names are always Prisma's default.
    name: foreignKeyName(tableName(model), columns),
    columns,
    referencedTable: tableName(target),
    referencedColumns: columnNames(target, field.relationToFields ?? []),
    onDelete: (field.relationOnDelete as ReferentialAction | undefined) ?? (field.isRequired ? "Restrict" : "SetNull"),
    onUpdate: (field.relationOnUpdate as ReferentialAction | undefined) ?? "Cascade",
  };
}

/**
 * Prisma's hidden join table `_<RelationName>` for list-to-list relations without a join model:
 * columns A and B reference the ids of the two models, A being the model whose name sorts first.
 */
function implicitManyToManyTables(
  allModels: DmmfModel[],
  models: Map<string, DmmfModel>,
  enumDbNames: Map<string, string>,
): ExpectedTable[] {
  const relations = new Map<string, [string, string]>();
  for (const model of allModels) {
    for (const field of model.fields) {
      if (field.kind !== "object" || !field.isList || !field.relationName) continue;
      const other = models.get(field.type)?.fields.find(
        (candidate) => candidate.relationName === field.relationName && candidate !== field,
      );
      if (other?.isList && !relations.has(field.relationName)) {
        relations.set(field.relationName, [model.name, field.type].sort() as [string, string]);
      }
    }
  }
  return [...relations].map(([relationName, [a, b]]) => {
    const table = `_${relationName}`;
    const side = (columnName: "A" | "B", modelName: string) => {
      const model = models.get(modelName)!;
      const idField = model.fields.find((field) => field.isId);
      if (!idField) throw new Error(`Implicit many-to-many relation ${relationName} needs a single-field @id on ${modelName}`);
      return { model, idField, columnName };
    };
    const sides = [side("A", a), side("B", b)];
    return {
      name: table,
      source: `implicit many-to-many relation ${relationName}`,
      columns: sides.map(({ idField, columnName }) => ({
        name: columnName,
        source: `${relationName}.${columnName}`,
        type: expectedColumnType({ ...idField, isList: false }, enumDbNames),
        notNull: true,
        default: { kind: "none" },
      })),
      primaryKey: { name: `${table}_AB_pkey`, columns: ["A", "B"] },
      indexes: [{ name: `${table}_B_index`, columns: ["B"], unique: false }],
      foreignKeys: sides.map(({ model, idField, columnName }) => ({
        name: `${table}_${columnName}_fkey`,
        columns: [columnName],
        referencedTable: tableName(model),
        referencedColumns: [idField.dbName ?? idField.name],
        onDelete: "Cascade",
        onUpdate: "Cascade",
      })),
    };
  });
}
