/**
 * Benchmark (not a test): a burst of request forms submitted in Slack, as people see it.
 *   npm run bench:form                                   (the embedded database, in a temporary data folder)
 *   DATABASE_URL=postgresql://... npm run bench:form     (a throwaway database on that server)
 * The app runs as a deployment runs it (`src/main.ts` in its own process, BENCH_REPLICAS of them on PostgreSQL,
 * default 1, each with BENCH_POOL connections, default 10), against a fake Slack in this process. Sends
 * BENCH_CHANGES (default 2000) signed view_submission requests of the request modal, BENCH_CONCURRENCY (default 256)
 * at a time, spread over the replicas as a load balancer would, after a warm-up. The app saves each request before
 * acknowledging, within its 2.5 s deadline. Prints throughput, ack latency p50/p99/max, how many acks took over
 * 2.5 s and over Slack's 3 s, how many people were shown "saving is taking longer than usual" or got no ack at all,
 * how much CPU each app process used, whether every submission was saved (and shown in the approvals channel), and
 * the chain verification, read after the apps stopped.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { SLACK_IDS } from "../../src/channels/slack/ids.js";
import { openDatabase } from "../../src/db/database.js";
import { sealPending } from "../../src/features/audit-trail/seal-chain.js";
import { describeVerification, verifyAuditChain } from "../../src/features/audit-trail/verify-chain.js";
import { createLogger } from "../../src/log/logger.js";
import { APPROVALS_CHANNEL, slackTestEnv, TEST_SIGNING_SECRET } from "../support/aims-harness.js";
import { startFakeSlack } from "../support/fake-slack/index.js";
import { requestFormState, VALID_REQUEST } from "../support/request-form-state.js";
import { sendToSlackEndpoint, viewSubmission } from "../support/slack-requests.js";
import { createTestDatabase } from "../support/test-database.js";
import { type AppProcess, postgresCpuMs, startAppProcess } from "./app-process.js";
import { summarize } from "./latency-stats.js";

const onServer = Boolean(process.env.DATABASE_URL);
const CHANGES = Number(process.env.BENCH_CHANGES ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 256);
const REPLICAS = onServer ? Number(process.env.BENCH_REPLICAS ?? 1) : 1;
const POOL = onServer ? (process.env.BENCH_POOL ?? "10") : "1";
const WARM_UP = 100;
const SAVE_DEADLINE_MS = 2500;
const SLACK_TIMEOUT_MS = 3000;
const DELAY_MESSAGE = "taking longer than usual";

interface Outcome {
  latencyMs: number;
  delayed: boolean;
  /** Bolt answers 404 when a listener has not acknowledged in time: Slack shows the person an error. */
  unacknowledged: boolean;
}

async function main() {
  const fake = await startFakeSlack();
  const database = onServer ? await createTestDatabase({ migrated: true }) : null;
  const dataDir = onServer ? undefined : await mkdtemp(path.join(tmpdir(), "aims-bench-form-"));
  const env = { ...slackTestEnv(fake), DATABASE_POOL_SIZE: POOL, ...(database ? { DATABASE_URL: database.url } : { DATA_DIR: dataDir }) };
  // One after another: the first applies any migration the database lacks.
  const apps: AppProcess[] = [];
  for (let i = 0; i < REPLICAS; i++) apps.push(await startAppProcess(env));

  const values = requestFormState(VALID_REQUEST);
  const submitOne = async (targets: AppProcess[], n: number): Promise<Outcome> => {
    const formId = `VFORM${n}`;
    const body = viewSubmission({ userId: `UFORM${n % 500}`, view: { id: formId, callback_id: SLACK_IDS.views.requestSubmit, private_metadata: JSON.stringify({ formId }), state: { values } } });
    const url = `${targets[(n + WARM_UP) % targets.length].url}/slack/events`;
    const started = performance.now();
    const response = await sendToSlackEndpoint(url, body, { signingSecret: TEST_SIGNING_SECRET });
    const text = await response.text();
    const latencyMs = performance.now() - started;
    if (response.status !== 200 && response.status !== 404) throw new Error(`HTTP ${response.status} for submission ${n}`);
    if (response.status === 200 && text !== "" && !text.includes(DELAY_MESSAGE)) throw new Error(`unexpected answer to submission ${n}: ${text.slice(0, 300)}`);
    return { latencyMs, delayed: text.includes(DELAY_MESSAGE), unacknowledged: response.status === 404 };
  };
  const burst = async (targets: AppProcess[], from: number, count: number, concurrency: number) => {
    const outcomes: Outcome[] = [];
    let next = from;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < from + count) outcomes.push(await submitOne(targets, next++));
      }),
    );
    return outcomes;
  };
  let stopped = false;
  const stopApps = async () => {
    if (stopped) return;
    stopped = true;
    await Promise.all(apps.map((app) => app.stop()));
  };
  try {
    const bare = await bareBoltFloor(env, (targets, from, count, concurrency) => burst(targets, from, count, concurrency));
    await burst(apps, -WARM_UP, WARM_UP, 10);
    const where = onServer ? `PostgreSQL, ${REPLICAS} app process(es) × ${POOL} connections` : "embedded PGlite, one app process";
    console.log(`${where}: ${CHANGES} request forms submitted over HTTP, ${CONCURRENCY} at a time…`);
    const cpuBefore = apps.map((app) => app.cpuMs());
    const benchCpuBefore = process.cpuUsage();
    const postgresBefore = onServer ? postgresCpuMs() : 0;
    const started = performance.now();
    const outcomes = await burst(apps, 0, CHANGES, CONCURRENCY);
    const wallMs = performance.now() - started;
    const appCpuMs = apps.map((app, i) => app.cpuMs() - cpuBefore[i]);
    const benchCpu = process.cpuUsage(benchCpuBefore);
    const postgresMs = onServer ? postgresCpuMs() - postgresBefore : 0;

    // A save that missed the deadline carries on after the ack: wait until every request is in the approvals channel.
    const shown = () => fake.messages(APPROVALS_CHANNEL).length;
    const giveUpAt = performance.now() + 60_000;
    while (shown() < CHANGES + WARM_UP && performance.now() < giveUpAt) await new Promise((resolve) => setTimeout(resolve, 100));
    const shownInApprovals = shown() - WARM_UP;
    const peakRss = apps.map((app) => app.peakRssBytes());
    await stopApps();

    const stats = summarize(
      outcomes.map((outcome) => outcome.latencyMs),
      wallMs,
    );
    const over = (ms: number) => outcomes.filter((outcome) => outcome.latencyMs > ms).length;
    const percent = (ms: number) => `${((ms / wallMs) * 100).toFixed(0)}%`;
    console.log(`  bare Bolt:   ${bare}`);
    console.log(`  acked:       ${stats.perSecond.toFixed(0)} submissions/s (${outcomes.length} in ${(wallMs / 1000).toFixed(2)} s)`);
    console.log(`  latency:     p50 ${stats.p50.toFixed(1)} ms, p99 ${stats.p99.toFixed(1)} ms, max ${stats.max.toFixed(1)} ms per ack`);
    console.log(`  app CPU:     ${appCpuMs.map((ms) => `${percent(ms)} of a core (${(ms / (CHANGES / apps.length)).toFixed(1)} ms per submission)`).join("; ")}`);
    console.log(`  bench CPU:   ${percent((benchCpu.user + benchCpu.system) / 1000)} of a core for the senders and the fake Slack`);
    if (onServer) console.log(`  PostgreSQL:  ${percent(postgresMs)} of a core (${(postgresMs / CHANGES).toFixed(1)} ms per submission), if it runs on this machine`);
    console.log(`  memory:      peak RSS ${peakRss.map((bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MB`).join(", ")} per app process`);
    console.log(`  slow:        ${over(SAVE_DEADLINE_MS)} acks over ${SAVE_DEADLINE_MS} ms, ${over(SLACK_TIMEOUT_MS)} over Slack's ${SLACK_TIMEOUT_MS} ms`);
    console.log(`  not acked:   ${outcomes.filter((outcome) => outcome.unacknowledged).length} answered 404 (no ack in time; Slack shows an error)`);
    console.log(`  delay shown: ${outcomes.filter((outcome) => outcome.delayed).length} people were told saving is taking longer than usual`);
    console.log(`  shown:       ${shownInApprovals} of ${CHANGES} requests posted in the approvals channel`);

    const { prisma, close } = await openDatabase({ url: database?.url, dataDir: dataDir ?? "", poolSize: 1, connectTimeoutMs: 5000 }, createLogger("warn"));
    try {
      const saved = await prisma.aiToolRequest.count({ where: { submissionKey: { startsWith: "slack:VFORM" } } });
      console.log(`  saved:       ${saved - WARM_UP} of ${CHANGES} requests`);
      await sealPending(prisma, { wait: true });
      console.log(`  ${describeVerification(await verifyAuditChain(prisma))}`);
    } finally {
      await close();
    }
  } finally {
    await stopApps();
    await fake.close();
    await database?.drop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  }
}

/**
 * The same burst to bare Bolt apps (as many processes, acknowledging only), for the floor: what receiving and
 * checking Slack's requests costs before aims-bot does anything.
 */
async function bareBoltFloor(env: Record<string, string | undefined>, burst: (targets: AppProcess[], from: number, count: number, concurrency: number) => Promise<Outcome[]>): Promise<string> {
  const bare: AppProcess[] = [];
  for (let i = 0; i < REPLICAS; i++) bare.push(await startAppProcess(env, "test/bench/bare-bolt-app.ts"));
  try {
    await burst(bare, -WARM_UP, WARM_UP, 10);
    const cpuBefore = bare.map((app) => app.cpuMs());
    const started = performance.now();
    const outcomes = await burst(bare, 0, CHANGES, CONCURRENCY);
    const wallMs = performance.now() - started;
    const cpuMs = bare.reduce((sum, app, i) => sum + app.cpuMs() - cpuBefore[i], 0);
    const stats = summarize(
      outcomes.map((outcome) => outcome.latencyMs),
      wallMs,
    );
    return `${stats.perSecond.toFixed(0)} acks/s, p50 ${stats.p50.toFixed(1)} ms, p99 ${stats.p99.toFixed(1)} ms, ${(cpuMs / CHANGES).toFixed(2)} ms of CPU per submission`;
  } finally {
    await Promise.all(bare.map((app) => app.stop()));
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
