import { get_dmmf } from "@prisma/prisma-schema-wasm";

/** `[fileName, content]`, the shape prisma-schema-wasm takes for a multi-file schema. */
export type PrismaSchemaFile = [fileName: string, content: string];

export interface DmmfFunctionDefault {
  name: string;
  args: unknown[];
}

export interface DmmfField {
  name: string;
  dbName?: string | null;
  kind: "scalar" | "object" | "enum" | "unsupported";
  type: string;
  isList: boolean;
  isRequired: boolean;
  isId: boolean;
  isUpdatedAt: boolean;
  hasDefaultValue: boolean;
  default?: DmmfFunctionDefault | string | number | boolean | unknown[];
  nativeType?: [name: string, args: string[]] | null;
  relationName?: string;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
  relationOnUpdate?: string;
}

export interface DmmfModel {
  name: string;
  dbName: string | null;
  fields: DmmfField[];
}

export interface DmmfIndex {
  model: string;
  type: "id" | "unique" | "normal" | "fulltext";
  dbName?: string;
  fields: { name: string }[];
}

export interface DmmfEnum {
  name: string;
  dbName: string | null;
  values: { name: string; dbName: string | null }[];
}

export interface Datamodel {
  models: DmmfModel[];
  enums: DmmfEnum[];
  indexes: DmmfIndex[];
}

/** Parses and validates the schema with Prisma's own engine (compiled to wasm, so it works offline). */
export function loadDatamodel(schema: string | readonly PrismaSchemaFile[]): Datamodel {
  const prismaSchema = typeof schema === "string" ? [["schema.prisma", schema]] : schema;
  let output: string;
  try {
    output = get_dmmf(JSON.stringify({ prismaSchema }));
  } catch (error) {
    throw new Error(`Invalid Prisma schema:\n${engineErrorMessage(error)}`, { cause: error });
  }
  return (JSON.parse(output) as { datamodel: Datamodel }).datamodel;
}

/** The engine throws a JSON payload whose message is coloured for a terminal. */
function engineErrorMessage(error: unknown): string {
  const raw = error instanceof Error ? error.message : String(error);
  try {
    const { message } = JSON.parse(raw) as { message?: string };
    // biome-ignore lint/suspicious/noControlCharactersInRegex: strips the terminal colour codes Prisma's message carries
    return (message ?? raw).replace(/\u001b\[[0-9;]*m/g, "");
  } catch {
    return raw;
  }
}

export function isFunctionDefault(value: DmmfField["default"]): value is DmmfFunctionDefault {
  return typeof value === "object" && value !== null && !Array.isArray(value) && "name" in value;
}
