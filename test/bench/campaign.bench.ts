/**
 * A policy campaign to 20,000 people against the fake Slack, with injected HTTP 429s: planning (recipients and
 * their deliveries written page by page), then sending through the scheduler on two "replicas" (two schedulers with
 * their own send queues on one database) at once. Reports the time to plan, the time to send (wall time, and Slack
 * time on the send queue's virtual clock, where every Retry-After is waited out), duplicates (must be 0) and the
 * peak heap while planning and sending.
 *   npm run bench:campaign            (PGlite)     DATABASE_URL=postgresql://... npm run bench:campaign
 *   BENCH_RECIPIENTS=5000 npm run bench:campaign
 */
import { Writable } from "node:stream";
import { SlackSendQueue, type Timer } from "../../src/channels/slack/scheduling/send-queue.js";
import { deliveryClient, SlackDeliveryTransport } from "../../src/channels/slack/scheduling/slack-delivery-transport.js";
import { loadConfig } from "../../src/config/config.js";
import { fixedClock } from "../../src/core/clock.js";
import { EventBus } from "../../src/core/events.js";
import { loadTrainingModules } from "../../src/features/training/load-modules.js";
import { TrainingService } from "../../src/features/training/training-service.js";
import { CampaignService } from "../../src/features/policies/campaign-service.js";
import { addCampaigns } from "../../src/features/policies/campaign-scheduling.js";
import { PolicyService } from "../../src/features/policies/policy-service.js";
import { createScheduling } from "../../src/features/scheduler/scheduling-core.js";
import { Scheduler } from "../../src/features/scheduler/scheduler.js";
import { createLogger } from "../../src/log/logger.js";
import { startFakeSlack } from "../support/fake-slack/index.js";
import { organisationIn } from "../support/roles.js";
import { benchDatabase } from "./scheduling-bench-database.js";

const RECIPIENTS = Number(process.env.BENCH_RECIPIENTS ?? 20_000);
const OWNER = "UOWNER0";
const RATE_LIMITED_BURSTS = 3;
const RATE_LIMITED_CALLS = 10;
const RETRY_AFTER_S = 2;

function virtualTimer(): Timer {
  let now = 0;
  return {
    now: () => now,
    sleep: async (ms) => {
      now += ms;
    },
  };
}

/** The largest heap seen while `work` runs, sampled every 20 ms, in MB. */
async function peakHeap<T>(work: () => Promise<T>): Promise<{ result: T; peakMb: number; ms: number }> {
  let peak = process.memoryUsage().heapUsed;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  }, 20);
  const start = performance.now();
  try {
    const result = await work();
    return { result, peakMb: Math.max(peak, process.memoryUsage().heapUsed) / 1e6, ms: performance.now() - start };
  } finally {
    clearInterval(timer);
  }
}

const serverUrl = process.env.DATABASE_URL;
const db = await benchDatabase(serverUrl);
const fake = await startFakeSlack();
try {
  const clock = fixedClock(new Date("2027-06-14T09:30:00Z"));
  const silent = createLogger("warn", new Writable({ write: (_c, _e, done) => done() }));
  await db.pool.query(`
    INSERT INTO "Person" ("id", "createdAt") SELECT 'person-' || lpad(i::text, 6, '0'), now() FROM generate_series(1, ${RECIPIENTS}) AS i`);
  await db.pool.query(`
    INSERT INTO "ChatIdentity" ("channel", "externalId", "personId", "name", "linkReason", "linkedAt")
    SELECT 'slack', 'U' || lpad(i::text, 8, '0'), 'person-' || lpad(i::text, 6, '0'), 'Person ' || i, 'bench', now() FROM generate_series(1, ${RECIPIENTS}) AS i`);
  const { people, roles } = await organisationIn(db.prisma, clock, { owner: { slack: [OWNER] } });
  const events = new EventBus(db.prisma, silent);
  const config = loadConfig({ SLACK_MANAGERS_CHANNEL: "", AIMS_WORKING_HOURS: "00:00-23:59" });
  const scheduling = createScheduling({ prisma: db.prisma, clock, roles, events, config, logger: silent, instanceId: "replica-1" });
  const policies = new PolicyService({ prisma: db.prisma, clock, roles, events, directory: people });
  const training = new TrainingService({ prisma: db.prisma, clock, roles, events, directory: people, modules: loadTrainingModules(), channels: ["slack"] });
  const campaigns = new CampaignService({ prisma: db.prisma, clock, roles, events, directory: people, policies, training, channels: ["slack"], zone: "Europe/London", window: { startMinute: 540, endMinute: 1020, weekends: false }, maxSnoozes: 3 });
  addCampaigns(scheduling, campaigns, policies, clock);
  const owner = { channel: "slack" as const, id: OWNER };
  const published = await policies.publish(owner, { title: "AI policy", summary: "How we use AI at Example Ltd.", body: "Only approved AI tools with company data." }, "chat");
  if (published.kind !== "published") throw new Error(JSON.stringify(published));

  // Planning: the campaign to everyone, written into recipients and deliveries page by page.
  global.gc?.();
  const baselineMb = process.memoryUsage().heapUsed / 1e6;
  const plan = await peakHeap(() => campaigns.start(owner, { versionId: String(published.version.id), audience: "everyone", deadline: "2027-06-30" }));
  if (plan.result.kind !== "started") throw new Error(JSON.stringify(plan.result));
  const replan = await campaigns.planPending();

  // Sending: two replicas at once, each with its own send queue; 429 bursts injected as the send goes on.
  const timer = virtualTimer();
  let sent = 0;
  const replica = (scheduler: Scheduler) => {
    const queue = new SlackSendQueue({ timer, perChannelIntervalMs: 1_000, maxRateLimitRetries: 10 });
    const counting = {
      send: (channel: string, call: () => Promise<unknown>) =>
        queue.send(channel, async () => {
          const result = await call();
          sent += 1;
          if (sent % Math.floor(RECIPIENTS / (RATE_LIMITED_BURSTS + 1)) === 0) fake.rateLimit("chat.postMessage", { times: RATE_LIMITED_CALLS, retryAfterSeconds: RETRY_AFTER_S });
          return result;
        }),
    } as SlackSendQueue;
    scheduler.setTransport("slack", new SlackDeliveryTransport(deliveryClient("xoxb-bench-token", fake.apiUrl), counting));
  };
  const second = new Scheduler({ prisma: db.prisma, clock, logger: silent, scans: [], timezone: "Europe/London", instanceId: "replica-2" });
  replica(scheduling.scheduler);
  replica(second);
  fake.rateLimit("chat.postMessage", { times: RATE_LIMITED_CALLS, retryAfterSeconds: RETRY_AFTER_S });
  const send = await peakHeap(() => Promise.all([scheduling.scheduler.tick(), second.dispatch()]));

  const posted = fake.callsTo("chat.postMessage");
  const rateLimited = posted.filter((call) => call.httpStatus === 429).length;
  const delivered = posted.filter((call) => call.response.ok === true);
  const perPerson = new Map<string, number>();
  for (const call of delivered) perPerson.set(String(call.args.channel), (perPerson.get(String(call.args.channel)) ?? 0) + 1);
  const duplicates = [...perPerson.values()].filter((count) => count > 1).length;
  const status = await db.prisma.scheduledDelivery.groupBy({ by: ["status"], _count: { _all: true } });
  const [first, other] = send.result;
  console.log(`database: ${serverUrl ? "PostgreSQL" : "PGlite (embedded)"}; recipients: ${RECIPIENTS.toLocaleString("en")}`);
  console.log(`plan: ${(plan.ms / 1000).toFixed(1)} s for ${plan.result.recipients.toLocaleString("en")} recipients; planning again added ${replan}; peak heap ${plan.peakMb.toFixed(0)} MB (baseline ${baselineMb.toFixed(0)} MB)`);
  console.log(`send: ${(send.ms / 1000).toFixed(1)} s wall, ${((RECIPIENTS / send.ms) * 1000).toFixed(0)} messages/s; replica 1 sent ${first.sent}, replica 2 sent ${other.sent}; Slack time on the queue's clock ${(timer.now() / 1000).toFixed(1)} s`);
  console.log(`Slack: ${delivered.length.toLocaleString("en")} delivered to ${perPerson.size.toLocaleString("en")} people; ${rateLimited} answered 429 (Retry-After ${RETRY_AFTER_S} s) and were retried; duplicates: ${duplicates}`);
  console.log(`deliveries by status: ${JSON.stringify(status.map((row) => [row.status, row._count._all]))}; peak heap while sending ${send.peakMb.toFixed(0)} MB (the fake Slack's log of every call included)`);
  if (duplicates > 0 || perPerson.size !== plan.result.recipients) process.exitCode = 1;
} finally {
  await fake.close();
  await db.close();
}
