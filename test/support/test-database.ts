import { randomBytes } from "node:crypto";
import pg from "pg";
import { startEmbeddedPostgres } from "../../src/db/embedded-postgres.js";
import { migratedPgliteDump, migratedServerTemplate } from "./migrated-template.js";

export interface TestDatabase {
  /** A `postgresql://` URL for a database owned by this test: empty, or migrated when asked for. */
  url: string;
  /** Removes the database; close your own pools/clients first. */
  drop(): Promise<void>;
}

export interface TestDatabaseOptions {
  /** Start with every migration applied (copied from a template built once), instead of empty. */
  migrated?: boolean;
}

/**
 * A database for one test file. With `DATABASE_URL` set (CI) it is a fresh `aims_test_<random>` database on that
 * server; otherwise an in-memory PGlite served over the Postgres wire protocol. PGlite accepts one connection at a
 * time: connect with `pg.Pool({ max: 1 })`. Tests of migrations themselves ask for an empty one; the rest for a
 * migrated one, which starts in a fraction of the time.
 */
export async function createTestDatabase(options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  return serverUrl ? createServerDatabase(serverUrl, options) : createEmbeddedDatabase(options);
}

async function createServerDatabase(serverUrl: string, options: TestDatabaseOptions): Promise<TestDatabase> {
  const name = `aims_test_${randomBytes(6).toString("hex")}`;
  await withAdminClient(serverUrl, async (admin) => {
    const template = options.migrated ? ` TEMPLATE "${await migratedServerTemplate(admin, serverUrl)}"` : "";
    await admin.query(`CREATE DATABASE "${name}"${template}`);
  });
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () =>
      withAdminClient(serverUrl, async (admin) => {
        // Connections the test just closed may still be on their way out: killing one then makes its client see
        // "terminating connection" after its pool stopped listening, an uncaught error. Give them a moment first.
        for (let wait = 0; wait < 40; wait++) {
          const { rows } = await admin.query("SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()", [name]);
          if (rows[0].n === 0) break;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()", [name]);
        await admin.query(`DROP DATABASE IF EXISTS "${name}"`);
      }),
  };
}

async function withAdminClient<T>(serverUrl: string, work: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}

async function createEmbeddedDatabase(options: TestDatabaseOptions): Promise<TestDatabase> {
  const embedded = await startEmbeddedPostgres(undefined, { fromDump: options.migrated ? await migratedPgliteDump() : undefined });
  return { url: embedded.url, drop: () => embedded.stop() };
}
