/**
 * `npm run bench`: how fast aims-bot acknowledges Slack, next to a bare Bolt app acknowledging the same signed
 * requests in the same run. Reports ack latency p50/p99 and throughput for the slash command and the approve
 * click under concurrent load, and aims-bot's figures as ratios of the bare app's.
 * Options (env): BENCH_REQUESTS per scenario (default 400), BENCH_CONCURRENCY (default 16).
 */
import { mkdtemp, rm } from "node:fs/promises";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import type { AddressInfo } from "node:net";
import express from "express";
import { App, ExpressReceiver } from "@slack/bolt";
import { SLACK_IDS } from "../../src/channels/slack/ids.js";
import { APPROVERS, EMPLOYEE, TEST_BOT_TOKEN, TEST_SIGNING_SECRET, startTestAims } from "../support/aims-harness.js";
import { startFakeSlack } from "../support/fake-slack/index.js";
import { VALID_REQUEST } from "../support/request-form-state.js";
import { blockActions, sendToSlackEndpoint, slashCommand, type SlackRequestBody } from "../support/slack-requests.js";
import { summarize, type Summary } from "./latency-stats.js";

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 400);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);

async function startBareBolt(apiUrl: string): Promise<{ url: string; stop(): Promise<void> }> {
  const http = express();
  const receiver = new ExpressReceiver({ signingSecret: TEST_SIGNING_SECRET, endpoints: "/slack/events", app: http });
  const app = new App({ token: TEST_BOT_TOKEN, receiver, tokenVerificationEnabled: false, clientOptions: { slackApiUrl: apiUrl } });
  app.command(SLACK_IDS.command, async ({ ack }) => ack());
  app.action(/.*/, async ({ ack }) => ack());
  const server = await new Promise<Server>((resolve) => {
    const s = http.listen(0, "127.0.0.1", () => resolve(s));
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Sends every body with at most CONCURRENCY in flight; returns per-request latency in ms and the wall time. */
async function drive(url: string, bodies: SlackRequestBody[]): Promise<Summary> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < bodies.length) {
        const body = bodies[next++];
        const t0 = performance.now();
        const response = await sendToSlackEndpoint(url, body, { signingSecret: TEST_SIGNING_SECRET });
        await response.arrayBuffer();
        if (response.status !== 200) throw new Error(`HTTP ${response.status} from ${url}`);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  return summarize(latencies, performance.now() - started);
}

function row(name: string, aims: Summary, bare: Summary): string {
  const ratio = (a: number, b: number) => (a / b).toFixed(2);
  return [
    `| ${name} | ${aims.p50.toFixed(1)} | ${aims.p99.toFixed(1)} | ${aims.perSecond.toFixed(0)}`,
    `${bare.p50.toFixed(1)} | ${bare.p99.toFixed(1)} | ${bare.perSecond.toFixed(0)}`,
    `${ratio(aims.p50, bare.p50)}x | ${ratio(aims.p99, bare.p99)}x | ${ratio(aims.perSecond, bare.perSecond)}x |`,
  ].join(" | ");
}

async function main(): Promise<void> {
  // Without DATABASE_URL: the embedded database exactly as `npm start` runs it, in a temporary folder.
  const dataDir = process.env.DATABASE_URL ? undefined : await mkdtemp(path.join(tmpdir(), "aims-bench-"));
  const t = await startTestAims({
    env: { LOG_LEVEL: "warn", AIMS_SCHEDULER_ENABLED: "false", ...(dataDir ? { DATABASE_URL: undefined, DATA_DIR: dataDir } : {}) },
  });
  const fake = await startFakeSlack();
  const bare = await startBareBolt(fake.apiUrl);
  const aimsUrl = `${t.aims.url}/slack/events`;
  const actor = { channel: "slack" as const, id: EMPLOYEE, name: "employee" };

  const stage = (name: string) => console.error(`[bench] ${name}`);
  stage("seeding pending requests");
  const pending: string[] = [];
  for (let i = 0; i < REQUESTS; i++) {
    const result = await t.aims.core.requests.submit(actor, { ...VALID_REQUEST, toolName: `Bench tool ${i}` }, `bench-${i}`);
    if (!result.ok) throw new Error("seeding failed");
    pending.push(`${result.request.reference}:${result.request.revision}`);
  }
  const commands = () => Array.from({ length: REQUESTS }, () => slashCommand({ userId: EMPLOYEE, text: "status", responseUrl: t.fake.newResponseUrl() }));
  const clicks = () =>
    pending.map((value, i) =>
      blockActions({
        userId: APPROVERS[i % APPROVERS.length],
        responseUrl: t.fake.newResponseUrl(),
        actions: [{ action_id: SLACK_IDS.actions.approve, block_id: `decide:${value}`, value }],
      }),
    );

  stage("warming up");
  // Warm both servers (JIT, connection pools) before measuring.
  await drive(bare.url, commands().slice(0, 50));
  await drive(aimsUrl, commands().slice(0, 50));

  stage("measuring");
  const bareCommand = await drive(bare.url, commands());
  const aimsCommand = await drive(aimsUrl, commands());
  const bareClick = await drive(bare.url, clicks());
  const clicksStarted = performance.now();
  const aimsClick = await drive(aimsUrl, clicks());
  const decidedAtAck = await t.aims.core.prisma.aiToolRequest.count({ where: { status: "approved" } });
  stage("waiting for the approvals to be recorded");
  const approved = () => t.aims.core.prisma.aiToolRequest.count({ where: { status: "approved" } });
  const giveUpAt = performance.now() + 180_000;
  while ((await approved()) < REQUESTS && performance.now() < giveUpAt) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const recorded = await approved();
  const allDecidedMs = performance.now() - clicksStarted;
  const database = process.env.DATABASE_URL ? "PostgreSQL" : "embedded PGlite";

  console.log(`\nack latency, ${REQUESTS} requests per scenario, ${CONCURRENCY} concurrent, database: ${database}`);
  console.log("| scenario | aims p50 ms | aims p99 ms | aims req/s | bare p50 ms | bare p99 ms | bare req/s | p50 ratio | p99 ratio | throughput ratio |");
  console.log("|---|---|---|---|---|---|---|---|---|---|");
  console.log(row("/aims status", aimsCommand, bareCommand));
  console.log(row("Approve click", aimsClick, bareClick));
  console.log(
    `\n${decidedAtAck} of ${REQUESTS} approvals were recorded when the last click was acknowledged; ${recorded} of ${REQUESTS} ` +
      `(decision, register entry, audit events, message update, DM) within ${(allDecidedMs / 1000).toFixed(1)} s of the first click.`,
  );

  await bare.stop();
  await fake.close();
  await t.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
