import { mkdir } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";

export interface EmbeddedPostgres {
  /** A postgresql:// URL on 127.0.0.1; PGlite takes one connection at a time, so pools must use max 1. */
  url: string;
  stop(): Promise<void>;
}

type WorkerMessage = { type: "ready"; address: string } | { type: "stopped" } | { type: "error"; message: string };

/**
 * Runs in a worker thread: PGlite executes queries synchronously in WASM, so on the main thread a slow query would
 * hold up every Slack acknowledgement. Plain JavaScript, so it runs the same under tsx, vitest and compiled code.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const { readFile } = require("node:fs/promises");
(async () => {
  const { PGlite } = await import(workerData.pgliteUrl);
  const { PGLiteSocketServer } = await import(workerData.socketUrl);
  const db = workerData.dataDir
    ? await PGlite.create(workerData.dataDir)
    : workerData.fromDump
      ? await PGlite.create({ loadDataDir: new Blob([await readFile(workerData.fromDump)]) })
      : await PGlite.create();
  const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port: 0, maxConnections: 2 });
  await server.start();
  parentPort.on("message", async (message) => {
    if (message !== "stop") return;
    await server.stop();
    await db.close();
    parentPort.postMessage({ type: "stopped" });
  });
  parentPort.postMessage({ type: "ready", address: server.getServerConn() });
})().catch((error) => parentPort.postMessage({ type: "error", message: String((error && error.stack) || error) }));
`;

function nextMessage(worker: Worker): Promise<WorkerMessage> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: WorkerMessage) => {
      worker.off("error", onError);
      resolve(message);
    };
    const onError = (error: Error) => {
      worker.off("message", onMessage);
      reject(error);
    };
    worker.once("message", onMessage);
    worker.once("error", onError);
  });
}

/**
 * PGlite (Postgres compiled to WASM) in a worker thread behind the Postgres wire protocol, so the embedded and the
 * production database are reached by the same driver, migrations and queries.
 * `dataDir` undefined keeps the database in memory; it then starts empty, or from `fromDump`, a data directory saved
 * with PGlite's `dumpDataDir` (loading one takes a fraction of the time initialising a new one does).
 */
export async function startEmbeddedPostgres(dataDir?: string, options: { fromDump?: string } = {}): Promise<EmbeddedPostgres> {
  const resolvedDir = dataDir ? path.resolve(dataDir) : undefined;
  if (resolvedDir) await mkdir(path.dirname(resolvedDir), { recursive: true });
  const require = createRequire(import.meta.url);
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: {
      dataDir: resolvedDir,
      fromDump: options.fromDump,
      pgliteUrl: pathToFileURL(require.resolve("@electric-sql/pglite")).href,
      socketUrl: pathToFileURL(require.resolve("@electric-sql/pglite-socket")).href,
    },
  });
  const started = await nextMessage(worker);
  if (started.type !== "ready") {
    await worker.terminate();
    throw new Error(`the embedded database did not start: ${started.type === "error" ? started.message : started.type}`);
  }
  return {
    url: `postgresql://postgres:postgres@${started.address}/postgres`,
    async stop() {
      const stopped = nextMessage(worker);
      worker.postMessage("stop");
      await stopped;
      await worker.terminate();
    },
  };
}
