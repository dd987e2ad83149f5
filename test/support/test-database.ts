import { randomBytes } from "node:crypto";
import pg from "pg";
import { startEmbeddedPostgres } from "../../src/db/embedded-postgres.js";

export interface TestDatabase {
  /** A `postgresql://` URL for an empty database owned by this test. */
  url: string;
  /** Removes the database; close your own pools/clients first. */
  drop(): Promise<void>;
}

/**
 * An empty database for one test file. With `DATABASE_URL` set (CI) it is a fresh
 * `aims_test_<random>` database on that server; otherwise an in-memory PGlite served over the
 * Postgres wire protocol. PGlite accepts one connection at a time: connect with `pg.Pool({ max: 1 })`.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  return serverUrl ? createServerDatabase(serverUrl) : createEmbeddedDatabase();
}

async function createServerDatabase(serverUrl: string): Promise<TestDatabase> {
  const name = `aims_test_${randomBytes(6).toString("hex")}`;
  await withAdminClient(serverUrl, (admin) => admin.query(`CREATE DATABASE "${name}"`));
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

async function createEmbeddedDatabase(): Promise<TestDatabase> {
  const embedded = await startEmbeddedPostgres();
  return { url: embedded.url, drop: () => embedded.stop() };
}
