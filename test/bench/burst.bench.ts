/**
 * Benchmark (not a test): a burst of audited changes, as thousands of form submissions at once.
 *   npm run bench:burst                                  (the embedded database, in a temporary data folder)
 *   DATABASE_URL=postgresql://... npm run bench:burst    (a throwaway database on that server, several replicas)
 * Submits BENCH_CHANGES requests (default 2000) through RequestService.submit (BENCH_SCENARIO=append: bare audit
 * events, one per transaction, to see the audit trail's own ceiling), BENCH_CONCURRENCY (default 64) at a
 * time in all, spread over BENCH_REPLICAS processes (default 3 on PostgreSQL; the embedded database serves one) with
 * BENCH_POOL connections each (default 10) and a chain sealer each, as the app runs them. Prints throughput, latency
 * p50/p99, the sealing lag (the longest a committed event waited outside the chain) and peak memory, then verifies
 * the chain.
 */
import { fork, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { openDatabase, type Database } from "../../src/db/database.js";
import { sealPending } from "../../src/features/audit-trail/seal-chain.js";
import { describeVerification, verifyAuditChain } from "../../src/features/audit-trail/verify-chain.js";
import { createLogger } from "../../src/log/logger.js";
import { createTestDatabase } from "../support/test-database.js";
import { openReplica, type ReplicaSettings, type Share } from "./burst-replica.js";
import { summarize } from "./latency-stats.js";

const onServer = Boolean(process.env.DATABASE_URL);
const CHANGES = Number(process.env.BENCH_CHANGES ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 64);
const REPLICAS = onServer ? Number(process.env.BENCH_REPLICAS ?? 3) : 1;
const POOL = onServer ? Number(process.env.BENCH_POOL ?? 10) : 1;
const SCENARIO = process.env.BENCH_SCENARIO === "append" ? "append" : "submit";
const SAMPLE_MS = 100;

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const peakRssBytes = () => process.resourceUsage().maxRSS * 1024;

/** Runs a share of the burst in each replica; resolves with every latency and the replicas' peak RSS. */
interface Runner {
  /** A connection to watch and verify the chain through (the embedded database takes one client at a time). */
  observer: Database;
  run(shares: Share[]): Promise<{ latencies: number[]; replicaRss: number[]; cpuMs: number }>;
  close(): Promise<void>;
}

async function inProcessReplica(settings: ReplicaSettings): Promise<Runner> {
  const replica = await openReplica(settings);
  replica.sealer.start();
  return {
    observer: replica.database,
    async run([share]) {
      const cpuBefore = process.cpuUsage();
      const latencies = await replica.submit(share);
      const cpu = process.cpuUsage(cpuBefore);
      return { latencies, replicaRss: [], cpuMs: (cpu.user + cpu.system) / 1000 };
    },
    close: () => replica.close(),
  };
}

async function forkedReplicas(settings: ReplicaSettings, count: number): Promise<Runner> {
  // Opened first: it applies the migrations, so the replicas start on a ready schema.
  const observer = await openDatabase({ url: settings.url, dataDir: settings.dataDir, poolSize: 2, connectTimeoutMs: 5000 }, createLogger("warn"));
  const script = fileURLToPath(new URL("./burst-replica.ts", import.meta.url));
  const children = Array.from({ length: count }, () => fork(script, ["--burst-replica"], { execArgv: ["--import", "tsx"] }));
  const reply = <T>(child: ChildProcess, type: string) =>
    new Promise<T>((resolve, reject) => {
      child.once("exit", (code) => reject(new Error(`a replica exited (${code})`)));
      child.on("message", (message: { type: string }) => message.type === type && resolve(message as T));
    });
  // One at a time: opening a database applies migrations, and the first replica's warm-up creates the counters.
  for (const child of children) {
    child.send({ type: "open", settings });
    await reply(child, "ready");
  }
  return {
    observer,
    async run(shares) {
      const done = children.map((child, i) => {
        const finished = reply<{ latencies: number[]; rss: number; cpuMs: number }>(child, "done");
        child.send({ type: "go", share: shares[i] });
        return finished;
      });
      const results = await Promise.all(done);
      return {
        latencies: results.flatMap((result) => result.latencies),
        replicaRss: results.map((result) => result.rss),
        cpuMs: results.reduce((sum, result) => sum + result.cpuMs, 0),
      };
    },
    async close() {
      const exited = (child: (typeof children)[number]) =>
        new Promise((resolve) => {
          child.once("exit", resolve);
          child.send({ type: "close" });
        });
      await Promise.all(children.map(exited));
      await observer.close();
    },
  };
}

/** Samples how long the oldest committed-but-unsealed event has waited, while the burst runs. */
function sampleSealingLag(database: Database) {
  let longestLagMs = 0;
  let sampling = true;
  const loop = (async () => {
    while (sampling) {
      const [row] = await database.prisma.$queryRaw<{ lagMs: number | null }[]>`
        SELECT (EXTRACT(EPOCH FROM clock_timestamp()::timestamp - min("recordedAt")) * 1000)::float8 AS "lagMs"
          FROM "AuditEvent" WHERE "sealSeq" IS NULL`;
      longestLagMs = Math.max(longestLagMs, row.lagMs ?? 0);
      await new Promise((resolve) => setTimeout(resolve, SAMPLE_MS));
    }
  })();
  return async () => {
    sampling = false;
    await loop;
    return longestLagMs;
  };
}

function sharesOf(total: number, parts: number, concurrency: number): Share[] {
  return Array.from({ length: parts }, (_, i) => {
    const from = Math.floor((total * i) / parts);
    return { from, count: Math.floor((total * (i + 1)) / parts) - from, concurrency: Math.max(1, Math.round(concurrency / parts)) };
  });
}

async function main() {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "aims-bench-burst-"));
  const server = onServer ? await createTestDatabase() : undefined;
  const settings: ReplicaSettings = { url: server?.url, dataDir, poolSize: POOL, scenario: SCENARIO };
  const replicas = onServer ? await forkedReplicas(settings, REPLICAS) : await inProcessReplica(settings);
  const { prisma } = replicas.observer;
  try {
    await sealPending(prisma, { wait: true });
    const where = onServer ? `PostgreSQL, ${REPLICAS} replica processes × ${POOL} connections` : "embedded PGlite, one process";
    const what = SCENARIO === "append" ? "bare audit events" : "request submissions";
    console.log(`${where}: ${CHANGES} ${what}, ${CONCURRENCY} at a time…`);
    const stopSampling = sampleSealingLag(replicas.observer);
    const started = performance.now();
    const { latencies, replicaRss, cpuMs } = await replicas.run(sharesOf(CHANGES, REPLICAS, CONCURRENCY));
    const committedMs = performance.now() - started;
    // The replicas' own sealers bring the chain up to the last commit.
    while ((await prisma.auditEvent.count({ where: { sealSeq: null } })) > 0) await new Promise((resolve) => setTimeout(resolve, 20));
    const sealedMs = performance.now() - started;
    const longestLagMs = await stopSampling();

    const stats = summarize(latencies, committedMs);
    const replicasRss = replicaRss.length > 0 ? `, each replica process peak RSS ${replicaRss.map(mb).join(" / ")}` : " (PGlite included)";
    console.log(`  committed:   ${stats.perSecond.toFixed(0)} audited changes/s (${latencies.length} in ${(committedMs / 1000).toFixed(2)} s)`);
    console.log(`  sealed:      the chain caught up ${(sealedMs - committedMs).toFixed(0)} ms after the last commit (${((CHANGES / sealedMs) * 1000).toFixed(0)}/s sealed end to end)`);
    // What a change costs the app's CPU, whatever else the machine runs: the ceiling of one replica on one core.
    console.log(`  app CPU:     ${(cpuMs / CHANGES).toFixed(2)} ms per change (${onServer ? "replica processes" : "this process, PGlite included"}), ${((CHANGES / cpuMs) * 1000).toFixed(0)}/s per busy core`);
    console.log(`  latency:     p50 ${stats.p50.toFixed(1)} ms, p99 ${stats.p99.toFixed(1)} ms, max ${stats.max.toFixed(1)} ms per change`);
    console.log(`  sealing lag: the oldest unsealed committed event was at most ${longestLagMs.toFixed(0)} ms old (sampled every ${SAMPLE_MS} ms)`);
    console.log(`  memory:      this process peak RSS ${mb(peakRssBytes())}${replicasRss}`);
    console.log(`  ${describeVerification(await verifyAuditChain(prisma))}`);
  } finally {
    await replicas.close();
    await server?.drop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
