/** PostgreSQL identifiers are at most 63 bytes; Prisma trims the stem and keeps the suffix. */
const MAX_IDENTIFIER_LENGTH = 63;

function constraintName(stem: string, suffix: string): string {
  return stem.slice(0, MAX_IDENTIFIER_LENGTH - suffix.length) + suffix;
}

export const primaryKeyName = (table: string) => constraintName(table, "_pkey");
export const uniqueIndexName = (table: string, columns: string[]) => constraintName(`${table}_${columns.join("_")}`, "_key");
export const indexName = (table: string, columns: string[]) => constraintName(`${table}_${columns.join("_")}`, "_idx");
export const foreignKeyName = (table: string, columns: string[]) => constraintName(`${table}_${columns.join("_")}`, "_fkey");
