/**
 * Benchmark (not a test): a burst of request forms submitted in Slack, as people see it.
 *   npm run bench:form                                   (the embedded database, in a temporary data folder)
 *   DATABASE_URL=postgresql://... npm run bench:form     (a throwaway database on that server)
 * Sends BENCH_CHANGES (default 2000) signed view_submission requests of the request modal to the real app's
 * /slack/events, BENCH_CONCURRENCY (default 256) at a time, after a warm-up; the app saves each request before
 * acknowledging, within its 2.5 s deadline. Prints throughput, ack latency p50/p99/max, how many acks took over
 * 2.5 s and over Slack's 3 s, how many people were shown "saving is taking longer than usual" or got no ack at all, whether every
 * submission was saved (once the late ones finished), and the chain verification. BENCH_POOL sets the app's
 * connections (default 10 on PostgreSQL; the embedded database serves one). Also prints how busy the process was:
 * near 100% of a core, it is the limit, not the database.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { SLACK_IDS } from "../../src/channels/slack/ids.js";
import { sealPending } from "../../src/features/audit-trail/seal-chain.js";
import { describeVerification, verifyAuditChain } from "../../src/features/audit-trail/verify-chain.js";
import { TEST_SIGNING_SECRET, startTestAims } from "../support/aims-harness.js";
import { requestFormState, VALID_REQUEST } from "../support/request-form-state.js";
import { sendToSlackEndpoint, viewSubmission } from "../support/slack-requests.js";
import { summarize } from "./latency-stats.js";

const onServer = Boolean(process.env.DATABASE_URL);
const CHANGES = Number(process.env.BENCH_CHANGES ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 256);
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
  const dataDir = onServer ? undefined : await mkdtemp(path.join(tmpdir(), "aims-bench-form-"));
  const t = await startTestAims({
    env: { LOG_LEVEL: "warn", AIMS_SCHEDULER_ENABLED: "false", DATABASE_POOL_SIZE: POOL, ...(dataDir ? { DATABASE_URL: undefined, DATA_DIR: dataDir } : {}) },
  });
  const url = `${t.aims.url}/slack/events`;
  const values = requestFormState(VALID_REQUEST);
  const submitOne = async (n: number): Promise<Outcome> => {
    const body = viewSubmission({ userId: `UFORM${n % 500}`, view: { id: `VFORM${n}`, callback_id: SLACK_IDS.views.requestSubmit, state: { values } } });
    const started = performance.now();
    const response = await sendToSlackEndpoint(url, body, { signingSecret: TEST_SIGNING_SECRET });
    const text = await response.text();
    const latencyMs = performance.now() - started;
    if (response.status !== 200 && response.status !== 404) throw new Error(`HTTP ${response.status} for submission ${n}`);
    return { latencyMs, delayed: text.includes(DELAY_MESSAGE), unacknowledged: response.status === 404 };
  };
  const burst = async (from: number, count: number, concurrency: number) => {
    const outcomes: Outcome[] = [];
    let next = from;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < from + count) outcomes.push(await submitOne(next++));
      }),
    );
    return outcomes;
  };
  const { prisma } = t.aims.core;
  try {
    await burst(-WARM_UP, WARM_UP, 10);
    await sealPending(prisma, { wait: true });
    const where = onServer ? `PostgreSQL, one app process × ${POOL} connections` : "embedded PGlite, one process";
    console.log(`${where}: ${CHANGES} request forms submitted over HTTP, ${CONCURRENCY} at a time…`);
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    const outcomes = await burst(0, CHANGES, CONCURRENCY);
    const wallMs = performance.now() - started;
    const cpu = process.cpuUsage(cpuBefore);
    const cpuMs = (cpu.user + cpu.system) / 1000;
    // A save that missed the deadline carries on after the ack: wait for it before counting what was saved.
    const saved = () => prisma.aiToolRequest.count({ where: { submissionKey: { startsWith: "slack:VFORM" } } });
    const giveUpAt = performance.now() + 60_000;
    while ((await saved()) < CHANGES + WARM_UP && performance.now() < giveUpAt) await new Promise((resolve) => setTimeout(resolve, 100));

    const stats = summarize(
      outcomes.map((outcome) => outcome.latencyMs),
      wallMs,
    );
    const over = (ms: number) => outcomes.filter((outcome) => outcome.latencyMs > ms).length;
    console.log(`  acked:       ${stats.perSecond.toFixed(0)} submissions/s (${outcomes.length} in ${(wallMs / 1000).toFixed(2)} s)`);
    console.log(`  latency:     p50 ${stats.p50.toFixed(1)} ms, p99 ${stats.p99.toFixed(1)} ms, max ${stats.max.toFixed(1)} ms per ack`);
    console.log(`  CPU:         this process was busy ${((cpuMs / wallMs) * 100).toFixed(0)}% of the time on one core, ${(cpuMs / CHANGES).toFixed(1)} ms per submission (fake Slack and senders included)`);
    console.log(`  slow:        ${over(SAVE_DEADLINE_MS)} acks over ${SAVE_DEADLINE_MS} ms, ${over(SLACK_TIMEOUT_MS)} over Slack's ${SLACK_TIMEOUT_MS} ms`);
    console.log(`  not acked:   ${outcomes.filter((outcome) => outcome.unacknowledged).length} answered 404 (no ack in time; Slack shows an error)`);
    console.log(`  delay shown: ${outcomes.filter((outcome) => outcome.delayed).length} people were told saving is taking longer than usual`);
    console.log(`  saved:       ${(await saved()) - WARM_UP} of ${CHANGES} requests`);
    await sealPending(prisma, { wait: true });
    console.log(`  ${describeVerification(await verifyAuditChain(prisma))}`);
  } finally {
    await t.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
