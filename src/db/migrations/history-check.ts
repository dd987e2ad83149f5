import { scriptMatchesChecksum } from "./checksum.js";
import type { MigrationRecord } from "./history-table.js";
import type { LocalMigration } from "./local-migrations.js";

/**
 * Returns the migrations still to apply, or throws if the recorded history forbids applying anything:
 * an unresolved failed migration (Prisma P3009), an applied migration whose script changed since, or
 * an applied migration that no longer exists locally.
 */
export function pendingMigrations(local: LocalMigration[], history: MigrationRecord[]): LocalMigration[] {
  const failed = history.filter((row) => row.finished_at === null && row.rolled_back_at === null);
  if (failed.length > 0) {
    const details = failed.map((row) => `  - ${row.migration_name}${row.logs ? `: ${summarizeLogs(row.logs)}` : ""}`);
    throw new Error(
      [
        "Found failed migrations in the database; no new migrations will be applied:",
        ...details,
        "Fix the database by hand, then mark the migration with `prisma migrate resolve --rolled-back <name>` " +
          "(or `--applied <name>`), or set rolled_back_at / finished_at on its _prisma_migrations row.",
      ].join("\n"),
    );
  }

  const applied = history.filter((row) => row.finished_at !== null && row.rolled_back_at === null);
  const localByName = new Map(local.map((migration) => [migration.name, migration]));
  const problems: string[] = [];
  for (const row of applied) {
    const migration = localByName.get(row.migration_name);
    if (!migration) {
      problems.push(`  - ${row.migration_name} was applied to the database but is missing from the migrations folder`);
    } else if (!scriptMatchesChecksum(migration.script, row.checksum)) {
      problems.push(
        `  - ${row.migration_name} was modified after it was applied ` +
          `(checksum ${row.checksum} in the database, ${migration.checksum} locally)`,
      );
    }
  }
  if (problems.length > 0) {
    throw new Error(
      ["The migration history in the database does not match the local migrations:", ...problems].join("\n") +
        "\nNever edit or delete an applied migration; add a new migration instead.",
    );
  }

  const appliedNames = new Set(applied.map((row) => row.migration_name));
  return local.filter((migration) => !appliedNames.has(migration.name));
}

function summarizeLogs(logs: string): string {
  const lines = logs.split("\n").filter((line) => line.trim() !== "");
  return lines.find((line) => line.startsWith("ERROR:")) ?? lines[0] ?? "";
}
