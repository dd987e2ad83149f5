import type { Prisma } from "../../src/db/database.js";

/** Every row of every table in every schema of the database, as text: for proving that something is stored nowhere. */
export async function wholeDatabaseText(prisma: Prisma): Promise<{ tables: string[]; text: string }> {
  const tables = await prisma.$queryRaw<{ table_schema: string; table_name: string }[]>`
    SELECT table_schema, table_name FROM information_schema.tables
    WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')`;
  let text = "";
  for (const { table_schema, table_name } of tables) {
    const rows = await prisma.$queryRawUnsafe<{ row: string }[]>(
      `SELECT row_to_json(t)::text AS row FROM "${table_schema.replace(/"/g, '""')}"."${table_name.replace(/"/g, '""')}" t`,
    );
    text += `${rows.map((r) => r.row).join("\n")}\n`;
  }
  return { tables: tables.map((r) => `${r.table_schema}.${r.table_name}`), text };
}
