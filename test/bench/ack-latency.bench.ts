/**
 * `npm run bench`: how fast aims-bot acknowledges Slack, next to a bare Bolt app acknowledging the same signed
 * requests in the same run. Reports ack latency p50/p99 and throughput for the slash command and the approve
 * click under concurrent load, and aims-bot's figures as ratios of the bare app's.
 * Options (env): BENCH_REQUESTS per scenario (default 400), BENCH_CONCURRENCY (default 16).
 * Open loop, as real traffic arrives: BENCH_RATE=200 sends `/aims status` at that many requests per second whatever
 * the answers take (latency counts from when each request was due, so a stall shows), to both apps, and also reports
 * how long aims-bot's reply took to reach Slack (its response_url post).
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
const RATE = process.env.BENCH_RATE ? Number(process.env.BENCH_RATE) : undefined;

async function startBareBolt(apiUrl: string): Promise<{ url: string; stop(): Promise<void> }> {
  const http = express();
  const receiver = new ExpressReceiver({ signingSecret: TEST_SIGNING_SECRET, endpoints: "/slack/events", app: http });
  // Who the bot is, given: Bolt would otherwise call auth.test before every ack (aims-bot asks once).
  const app = new App({ token: TEST_BOT_TOKEN, botId: "B0BENCH", botUserId: "U0BENCH", receiver, tokenVerificationEnabled: false, clientOptions: { slackApiUrl: apiUrl } });
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

/**
 * Sends body i at `i / rate` seconds from the start, not waiting for earlier answers. Returns each request's latency
 * from when it was due (not when it went out), and when it was due, in ms since the epoch.
 */
async function driveOpenLoop(url: string, bodies: SlackRequestBody[], rate: number): Promise<{ summary: Summary; dueAt: number[] }> {
  const latencies: number[] = [];
  const dueAt: number[] = [];
  const started = performance.now();
  const epochOffset = Date.now() - started;
  await Promise.all(
    bodies.map(async (body, i) => {
      const due = started + (i * 1000) / rate;
      dueAt[i] = due + epochOffset;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const response = await sendToSlackEndpoint(url, body, { signingSecret: TEST_SIGNING_SECRET });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`HTTP ${response.status} from ${url}`);
      latencies.push(performance.now() - due);
    }),
  );
  return { summary: summarize(latencies, performance.now() - started), dueAt };
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
  if (RATE) {
    await openLoop(t, bare.url, aimsUrl, RATE);
    await bare.stop();
    await fake.close();
    await t.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
    return;
  }

  stage("seeding pending requests");
  const pending: string[] = [];
  for (let i = 0; i < REQUESTS; i++) {
    const result = await t.aims.core.requests.submit(actor, { ...VALID_REQUEST, toolName: `Bench tool ${i}` }, `bench-${i}`);
    if (!result.ok) throw new Error("seeding failed");
    pending.push(JSON.stringify({ reference: result.request.reference, revision: result.request.revision }));
  }
  const commands = () => Array.from({ length: REQUESTS }, () => slashCommand({ userId: EMPLOYEE, text: "status", responseUrl: t.fake.newResponseUrl() }));
  const clicks = () =>
    pending.map((value, i) =>
      blockActions({
        userId: APPROVERS[i % APPROVERS.length],
        responseUrl: t.fake.newResponseUrl(),
        actions: [{ action_id: SLACK_IDS.actions.approve, block_id: "decide", value }],
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

async function openLoop(t: Awaited<ReturnType<typeof startTestAims>>, bareUrl: string, aimsUrl: string, rate: number): Promise<void> {
  const commands = (responseUrls: string[]) =>
    responseUrls.map((responseUrl) => slashCommand({ userId: EMPLOYEE, text: "status", responseUrl }));
  const newUrls = () => Array.from({ length: REQUESTS }, () => t.fake.newResponseUrl());
  console.error("[bench] warming up");
  await drive(bareUrl, commands(newUrls().slice(0, 100)));
  await drive(aimsUrl, commands(newUrls().slice(0, 100)));
  console.error(`[bench] open loop at ${rate}/s`);
  const bare = await driveOpenLoop(bareUrl, commands(newUrls()), rate);
  const urls = newUrls();
  const aims = await driveOpenLoop(aimsUrl, commands(urls), rate);
  const giveUpAt = Date.now() + 30_000;
  const posted = () => new Map(t.fake.responseUrlPosts.map((post) => [post.url, post.at]));
  while (urls.some((url) => !posted().has(url)) && Date.now() < giveUpAt) await new Promise((resolve) => setTimeout(resolve, 50));
  const postedAt = posted();
  const replies = urls.flatMap((url, i) => (postedAt.has(url) ? [postedAt.get(url)! - aims.dueAt[i]] : []));
  const reply = summarize(replies, 1);
  const database = process.env.DATABASE_URL ? "PostgreSQL" : "embedded PGlite";
  console.log(`
open loop: ${REQUESTS} × /aims status at ${rate} requests/s, database: ${database}`);
  console.log("| | ack p50 ms | ack p99 ms | ack max ms | reply reaches Slack p50 ms | reply p99 ms |");
  console.log("|---|---|---|---|---|---|");
  console.log(`| aims-bot | ${aims.summary.p50.toFixed(1)} | ${aims.summary.p99.toFixed(1)} | ${aims.summary.max.toFixed(1)} | ${reply.p50.toFixed(1)} | ${reply.p99.toFixed(1)} |`);
  console.log(`| bare Bolt | ${bare.summary.p50.toFixed(1)} | ${bare.summary.p99.toFixed(1)} | ${bare.summary.max.toFixed(1)} | | |`);
  console.log(`
p99 ratio ${(aims.summary.p99 / bare.summary.p99).toFixed(2)}x; ${replies.length} of ${REQUESTS} replies arrived.`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
