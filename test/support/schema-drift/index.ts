import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Queryable } from "../../../src/db/migrations/queryable.js";
import { compareSchemas } from "./compare.js";
import { loadDatamodel, type PrismaSchemaFile } from "./dmmf.js";
import { expectedSchema } from "./expected-schema.js";
import { readLiveSchema } from "./live-schema.js";

export type { PrismaSchemaFile } from "./dmmf.js";

/**
 * Differences between the live database (its current schema) and what `prisma migrate` would
 * create from the Prisma schema: tables, columns (type, nullability, default), primary keys,
 * unique and plain indexes, foreign keys with referential actions, and enums. `[]` means no drift.
 * Limitation: `@relation(map: ...)` is not visible in Prisma's DMMF, so foreign keys are
 * expected under Prisma's default name `<table>_<columns>_fkey`.
 */
export async function findSchemaDrift(db: Queryable, prismaSchema: string | readonly PrismaSchemaFile[]): Promise<string[]> {
  const expected = expectedSchema(loadDatamodel(prismaSchema));
  return compareSchemas(expected, await readLiveSchema(db));
}

/** All `*.prisma` files of a schema folder (e.g. `prisma/schema`), ready for `findSchemaDrift`. */
export async function readPrismaSchemaFiles(schemaDir: string): Promise<PrismaSchemaFile[]> {
  const names = (await readdir(schemaDir)).filter((name) => name.endsWith(".prisma")).sort();
  return Promise.all(names.map(async (name): Promise<PrismaSchemaFile> => [name, await readFile(join(schemaDir, name), "utf8")]));
}
