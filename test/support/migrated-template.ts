import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, rename, stat, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { MIGRATIONS_DIR } from "../../src/db/database.js";
import { applyMigrations } from "../../src/db/migrations.js";

/**
 * Every test file used to start from an empty database and migrate it. Initialising PGlite and running every
 * migration cost seconds per file, most of a suite's time on two cores. Instead, a migrated database is built once
 * per set of migrations and each file starts from a copy: PGlite loads a saved data directory, PostgreSQL copies a
 * template database. The key holds the migrations' text, the PGlite version and the day, so a changed migration, an
 * upgraded PGlite or a clock moved ahead (CI's faketime run) each build their own.
 */
async function templateKey(): Promise<string> {
  const hash = createHash("sha256");
  for (const name of (await readdir(MIGRATIONS_DIR)).sort()) {
    const file = path.join(MIGRATIONS_DIR, name, "migration.sql");
    const text = await readFile(file, "utf8").catch(() => undefined);
    if (text !== undefined) hash.update(name).update("\0").update(text).update("\0");
  }
  hash.update(JSON.parse(await readFile(path.join(packageRoot("@electric-sql/pglite"), "package.json"), "utf8")).version);
  hash.update(String(Math.floor(Date.now() / 86_400_000)));
  return hash.digest("hex").slice(0, 16);
}

/** The package's folder; its exports map hides package.json from require.resolve. */
function packageRoot(name: string): string {
  const entry = createRequire(import.meta.url).resolve(name);
  return entry.slice(0, entry.lastIndexOf(`${path.sep}node_modules${path.sep}`)) + path.join(path.sep, "node_modules", name);
}

/** A saved PGlite data directory holding every migration, built by the first test file that needs it. */
export async function migratedPgliteDump(): Promise<string> {
  const file = path.join(os.tmpdir(), "aims-test-templates", `pglite-${await templateKey()}.tar`);
  if (await stat(file).catch(() => undefined)) return file;
  await mkdir(path.dirname(file), { recursive: true });
  const { PGlite } = await import("@electric-sql/pglite");
  const { PGLiteSocketServer } = await import("@electric-sql/pglite-socket");
  const db = await PGlite.create();
  const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port: 0 });
  await server.start();
  const pool = new pg.Pool({ connectionString: `postgresql://postgres:postgres@${server.getServerConn()}/postgres`, max: 1 });
  try {
    await applyMigrations(pool, MIGRATIONS_DIR);
  } finally {
    await pool.end();
    await server.stop();
  }
  const dump = await db.dumpDataDir("none");
  await db.close();
  // Two workers may build it at once: each writes its own file and renames it into place, which is atomic.
  const partial = `${file}.${process.pid}.partial`;
  await writeFile(partial, Buffer.from(await dump.arrayBuffer()));
  await rename(partial, file);
  return file;
}

/** The name of a template database on the server holding every migration, created by the first file that needs it. */
export async function migratedServerTemplate(admin: pg.Client, serverUrl: string): Promise<string> {
  const name = `aims_template_${await templateKey()}`;
  // Serialised across test workers; the template is built under another name and renamed when complete, so a
  // worker never copies a half-migrated one.
  await admin.query("SELECT pg_advisory_lock(424201)");
  try {
    const { rowCount } = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (rowCount) return name;
    const building = `${name}_building`;
    await admin.query(`DROP DATABASE IF EXISTS "${building}"`);
    await admin.query(`CREATE DATABASE "${building}"`);
    const url = new URL(serverUrl);
    url.pathname = `/${building}`;
    const pool = new pg.Pool({ connectionString: url.toString(), max: 1 });
    try {
      await applyMigrations(pool, MIGRATIONS_DIR);
    } finally {
      await pool.end();
    }
    await renameWhenClosed(admin, building, name);
    return name;
  } finally {
    await admin.query("SELECT pg_advisory_unlock(424201)");
  }
}

/** A pool's connections may still be closing on the server when `end()` resolves; a rename waits for them. */
async function renameWhenClosed(admin: pg.Client, from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.query(`ALTER DATABASE "${from}" RENAME TO "${to}"`);
      return;
    } catch (error) {
      const inUse = error instanceof pg.DatabaseError && error.code === "55006";
      if (!inUse || attempt >= 40) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
