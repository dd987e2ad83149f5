import { mkdir } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

export interface EmbeddedPostgres {
  /** A postgresql:// URL on 127.0.0.1; PGlite takes one connection at a time, so pools must use max 1. */
  url: string;
  stop(): Promise<void>;
}

/**
 * Runs PGlite (Postgres compiled to WASM, in this process) behind the Postgres wire protocol, so the embedded and
 * the production database are reached by the same driver, migrations and queries.
 * `dataDir` undefined keeps the database in memory.
 */
export async function startEmbeddedPostgres(dataDir?: string): Promise<EmbeddedPostgres> {
  if (dataDir) await mkdir(path.dirname(path.resolve(dataDir)), { recursive: true });
  const db = dataDir ? await PGlite.create(path.resolve(dataDir)) : await PGlite.create();
  const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port: 0 });
  await server.start();
  const url = `postgresql://postgres:postgres@${server.getServerConn()}/postgres`;
  return {
    url,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
