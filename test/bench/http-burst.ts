/**
 * What the HTTP burst benchmarks share: the app in processes of its own (as deployed) against a fake Slack in this
 * process, signed requests sent as Slack sends them, and what people saw of the answers.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { monitorEventLoopDelay } from "node:perf_hooks";
import path from "node:path";
import { SLACK_IDS } from "../../src/channels/slack/ids.js";
import { openDatabase, type Database } from "../../src/db/database.js";
import { sealPending } from "../../src/features/audit-trail/seal-chain.js";
import { describeVerification, verifyAuditChain } from "../../src/features/audit-trail/verify-chain.js";
import { createLogger } from "../../src/log/logger.js";
import { slackTestEnv, TEST_SIGNING_SECRET } from "../support/aims-harness.js";
import { type FakeSlack, startFakeSlack } from "../support/fake-slack/index.js";
import { requestFormState, VALID_REQUEST } from "../support/request-form-state.js";
import { sendToSlackEndpoint, type SlackRequestBody, viewSubmission } from "../support/slack-requests.js";
import { createTestDatabase, type TestDatabase } from "../support/test-database.js";
import { type AppProcess, startAppProcess } from "./app-process.js";
import { summarize } from "./latency-stats.js";
import { SAVING_TEXT } from "../../src/channels/slack/conversation/capability-forms.js";

export const onServer = Boolean(process.env.DATABASE_URL);
export const REPLICAS = onServer ? Number(process.env.BENCH_REPLICAS ?? 1) : 1;
const POOL = onServer ? (process.env.BENCH_POOL ?? "10") : "1";
export const SAVE_DEADLINE_MS = 2500;
export const SLACK_TIMEOUT_MS = 3000;
const DELAY_MESSAGE = "taking longer than usual";

export interface Outcome {
  kind: string;
  latencyMs: number;
  /** The person was told "saving is taking longer than usual". */
  delayed: boolean;
  /** The form was acknowledged with "saving…", and its answer came later (views.update). */
  saving: boolean;
  /** Bolt answers 404 when a listener has not acknowledged in time: Slack shows the person an error. */
  unacknowledged: boolean;
}

export interface BenchApps {
  fake: FakeSlack;
  apps: AppProcess[];
  where: string;
  /** The same number of bare Bolt processes (acknowledging only), for the floor; stopped when the callback ends. */
  withBareBolt<T>(use: (bare: AppProcess[]) => Promise<T>): Promise<T>;
  /** Stops the apps (they drain their deliveries); reading the database afterwards sees everything they did. */
  stopApps(): Promise<void>;
  /** The database, opened once the apps stopped (the embedded one admits one process). */
  openDatabase(): Promise<Database>;
  close(): Promise<void>;
}

export async function startBenchApps(): Promise<BenchApps> {
  const fake = await startFakeSlack();
  const database: TestDatabase | null = onServer ? await createTestDatabase({ migrated: true }) : null;
  const dataDir = onServer ? undefined : await mkdtemp(path.join(tmpdir(), "aims-bench-http-"));
  const env = { ...slackTestEnv(fake), DATABASE_POOL_SIZE: POOL, SLACK_FORM_SAVE_WAIT_MS: process.env.SLACK_FORM_SAVE_WAIT_MS, ...(database ? { DATABASE_URL: database.url } : { DATA_DIR: dataDir }) };
  // One after another: the first applies any migration the database lacks.
  const apps: AppProcess[] = [];
  for (let i = 0; i < REPLICAS; i++) apps.push(await startAppProcess(env));
  let stopped = false;
  const stopApps = async () => {
    if (stopped) return;
    stopped = true;
    await Promise.all(apps.map((app) => app.stop()));
  };
  return {
    fake,
    apps,
    where: onServer ? `PostgreSQL, ${REPLICAS} app process(es) × ${POOL} connections` : "embedded PGlite, one app process",
    async withBareBolt(use) {
      const bare: AppProcess[] = [];
      for (let i = 0; i < REPLICAS; i++) bare.push(await startAppProcess(env, "test/bench/bare-bolt-app.ts"));
      try {
        return await use(bare);
      } finally {
        await Promise.all(bare.map((app) => app.stop()));
      }
    },
    stopApps,
    openDatabase: () => openDatabase({ url: database?.url, dataDir: dataDir ?? "", poolSize: 1, connectTimeoutMs: 5000 }, createLogger("warn")),
    async close() {
      await stopApps();
      await fake.close();
      await database?.drop();
      if (dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Once the apps stopped: prints what `read` finds in the database, then seals and verifies the audit chain. */
export async function checkDatabase(bench: BenchApps, read: (prisma: Database["prisma"]) => Promise<string[]>): Promise<void> {
  await bench.stopApps();
  const { prisma, close } = await bench.openDatabase();
  try {
    for (const line of await read(prisma)) console.log(`  ${line}`);
    await sealPending(prisma, { wait: true });
    console.log(`  ${describeVerification(await verifyAuditChain(prisma))}`);
  } finally {
    await close();
  }
}

/** Runs a benchmark's main, closing its apps and database whatever happens. */
export function runBench(main: (bench: BenchApps) => Promise<void>): void {
  startBenchApps()
    .then((bench) => main(bench).finally(() => bench.close()))
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
}

const formValues = requestFormState(VALID_REQUEST);
/** The request modal submitted by one of 500 people, with the form key the modal carries. */
export const requestForm = (n: number) => {
  const formId = `VFORM${n}`;
  return viewSubmission({ userId: `UFORM${((n % 500) + 500) % 500}`, view: { id: formId, callback_id: SLACK_IDS.views.requestSubmit, private_metadata: JSON.stringify({ formId }), state: { values: formValues } } });
};

/**
 * Sends one signed request as Slack does and reads what the person would see of the answer. An answer other than
 * an empty ack or the delay message stops the benchmark: it would measure a refusal, not the work.
 */
export async function sendAsSlack(target: AppProcess, body: SlackRequestBody, kind: string): Promise<Outcome> {
  const started = performance.now();
  const response = await sendToSlackEndpoint(`${target.url}/slack/events`, body, { signingSecret: TEST_SIGNING_SECRET });
  const text = await response.text();
  const latencyMs = performance.now() - started;
  const delayed = text.includes(DELAY_MESSAGE);
  const saving = text.includes(SAVING_TEXT);
  if (response.status !== 200 && response.status !== 404) throw new Error(`HTTP ${response.status} for a ${kind}`);
  if (response.status === 200 && text !== "" && !delayed && !saving) throw new Error(`unexpected answer to a ${kind}: ${text.slice(0, 300)}`);
  return { kind, latencyMs, delayed, saving, unacknowledged: response.status === 404 };
}

/**
 * A proxy in front of each app process that lets at most BENCH_PROXY_MAXCONN requests in at once and queues the rest
 * first come, first served (HAProxy's `maxconn` per server, for example); off when unset. A saturated Node server
 * reads its many connections unfairly, so without a queue in front some people wait far longer than the average.
 */
const PROXY_MAXCONN = Number(process.env.BENCH_PROXY_MAXCONN ?? 0);
const proxies = new WeakMap<AppProcess, { inside: number; queue: (() => void)[] }>();

async function throughProxy(target: AppProcess, send: () => Promise<Outcome>): Promise<Outcome> {
  if (!PROXY_MAXCONN) return send();
  const proxy = proxies.get(target) ?? { inside: 0, queue: [] };
  proxies.set(target, proxy);
  const queuedAt = performance.now();
  if (proxy.inside >= PROXY_MAXCONN) await new Promise<void>((resolve) => proxy.queue.push(resolve));
  else proxy.inside++;
  try {
    // The person waits from when they sent, queue included.
    return { ...(await send()), latencyMs: performance.now() - queuedAt };
  } finally {
    const next = proxy.queue.shift();
    if (next) next();
    else proxy.inside--;
  }
}

/** Sends requests `from`…`from + count - 1`, `concurrency` at a time, each to the target a load balancer would pick. */
export async function burst(targets: AppProcess[], from: number, count: number, concurrency: number, send: (target: AppProcess, n: number) => Promise<Outcome>): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  let next = from;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < from + count) {
        const n = next++;
        const target = targets[((n % targets.length) + targets.length) % targets.length];
        outcomes.push(await throughProxy(target, () => send(target, n)));
      }
    }),
  );
  return outcomes;
}

/** Throughput, latency and how many people waited too long, as lines to print. */
export function describeOutcomes(outcomes: Outcome[], wallMs: number): string[] {
  const stats = summarize(
    outcomes.map((outcome) => outcome.latencyMs),
    wallMs,
  );
  const over = (ms: number) => outcomes.filter((outcome) => outcome.latencyMs > ms).length;
  return [
    `acked:       ${stats.perSecond.toFixed(0)} requests/s (${outcomes.length} in ${(wallMs / 1000).toFixed(2)} s)`,
    `latency:     p50 ${stats.p50.toFixed(1)} ms, p99 ${stats.p99.toFixed(1)} ms, max ${stats.max.toFixed(1)} ms per ack`,
    `slow:        ${over(SAVE_DEADLINE_MS)} acks over ${SAVE_DEADLINE_MS} ms, ${over(SLACK_TIMEOUT_MS)} over Slack's ${SLACK_TIMEOUT_MS} ms`,
    `not acked:   ${outcomes.filter((outcome) => outcome.unacknowledged).length} answered 404 (no ack in time; Slack shows an error)`,
    `delay shown: ${outcomes.filter((outcome) => outcome.delayed).length} people were told saving is taking longer than usual`,
    `saving shown: ${outcomes.filter((outcome) => outcome.saving).length} forms acknowledged with "saving…", answered when saved`,
  ];
}

/**
 * Runs `work` and reports the CPU each process used meanwhile, as a share of one core and per request, and how late
 * this process's own event loop ran (the senders and the fake Slack): a late sender would count its own delay.
 */
export async function measuringCpu<T>(processes: AppProcess[], requests: number, work: () => Promise<T>): Promise<{ result: T; wallMs: number; cpu: string }> {
  const before = processes.map((app) => app.cpuMs());
  const senderDelay = monitorEventLoopDelay({ resolution: 10 });
  senderDelay.enable();
  const started = performance.now();
  const result = await work();
  const wallMs = performance.now() - started;
  senderDelay.disable();
  console.log(`  senders:     event loop delay p99 ${(senderDelay.percentile(99) / 1e6).toFixed(0)} ms, max ${(senderDelay.max / 1e6).toFixed(0)} ms`);
  const used = processes.map((app, i) => app.cpuMs() - before[i]);
  const cpu = used.map((ms) => `${((ms / wallMs) * 100).toFixed(0)}% of a core (${(ms / (requests / processes.length)).toFixed(2)} ms per request)`).join("; ");
  return { result, wallMs, cpu };
}
