import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { migrationChecksum } from "./checksum.js";

export interface LocalMigration {
  /** Folder name, e.g. `20250101120000_init`; this is `migration_name` in `_prisma_migrations`. */
  name: string;
  script: string;
  checksum: string;
}

/** Reads `<dir>/<name>/migration.sql` for every migration folder, in Prisma's (lexical) order. */
export async function readLocalMigrations(migrationsDir: string): Promise<LocalMigration[]> {
  await assertPostgresLockFile(migrationsDir);
  const entries = await readdir(migrationsDir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return [];
    throw error;
  });
  const folders = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return Promise.all(
    folders.map(async (name) => {
      const scriptPath = join(migrationsDir, name, "migration.sql");
      const script = await readFile(scriptPath, "utf8").catch((error: NodeJS.ErrnoException) => {
        if (error.code === "ENOENT") throw new Error(`Migration folder ${name} has no migration.sql (${scriptPath})`);
        throw error;
      });
      return { name, script, checksum: migrationChecksum(script) };
    }),
  );
}

/** Like Prisma (P3019), refuse migrations written for another database provider. */
async function assertPostgresLockFile(migrationsDir: string): Promise<void> {
  const lockPath = join(migrationsDir, "migration_lock.toml");
  const lockFile = await readFile(lockPath, "utf8").catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return undefined;
    throw error;
  });
  if (lockFile === undefined) return;
  const provider = /^\s*provider\s*=\s*"([^"]*)"/m.exec(lockFile)?.[1];
  if (provider !== "postgresql") {
    throw new Error(`${lockPath} declares provider "${provider ?? "(none)"}"; these migrations are not for PostgreSQL`);
  }
}
