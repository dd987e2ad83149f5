/**
 * 10,000 due reminders drained through the scheduler, the Slack send queue and a local fake Slack, within the rate
 * limits: at most one message per second per DM channel, and every 429 Retry-After honoured. The queue runs on a
 * virtual clock (its waits advance virtual time instantly), so the report gives both the wall time the bot spends
 * and the Slack time the drain takes.
 *   npm run bench:reminders            (PGlite)     DATABASE_URL=postgresql://... npm run bench:reminders
 */
import { Writable } from "node:stream";
import { SlackSendQueue, type Timer } from "../../src/channels/slack/scheduling/send-queue.js";
import { deliveryClient, SlackDeliveryTransport } from "../../src/channels/slack/scheduling/slack-delivery-transport.js";
import { loadConfig } from "../../src/config/config.js";
import { fixedClock } from "../../src/core/clock.js";
import { EventBus } from "../../src/core/events.js";
import { rolesInDatabase } from "../support/roles.js";
import { createScheduling } from "../../src/features/scheduler/scheduling-core.js";
import { createLogger } from "../../src/log/logger.js";
import { startFakeSlack } from "../support/fake-slack/index.js";
import { benchDatabase } from "./scheduling-bench-database.js";

const REMINDERS = 10_000;
const OWNERS = 500;
const PER_CHANNEL_MS = 1100;
const RATE_LIMITED_CALLS = 20;
const RETRY_AFTER_S = 3;

function virtualTimer(): Timer {
  let now = 0;
  return {
    now: () => now,
    sleep: async (ms) => {
      now += ms;
    },
  };
}

const serverUrl = process.env.DATABASE_URL;
const db = await benchDatabase(serverUrl);
const fake = await startFakeSlack();
try {
  await db.pool.query(`
    INSERT INTO "ReviewSchedule" ("reference","kind","title","ownerChannel","ownerId","intervalMonths","nextDueAt","controls","updatedAt")
    SELECT 'REV-' || i, 'other', 'Review ' || i, 'slack', 'UOWNER' || (i % ${OWNERS}), 12, TIMESTAMP '2027-06-14 09:00', ARRAY['9.1'], now()
    FROM generate_series(1, ${REMINDERS}) AS i`);
  for (let i = 0; i < OWNERS; i += 1) fake.addUser({ id: `UOWNER${i}`, name: `owner${i}`, tz: "Europe/London" });
  fake.rateLimit("chat.postMessage", { times: RATE_LIMITED_CALLS, retryAfterSeconds: RETRY_AFTER_S });

  const clock = fixedClock(new Date("2027-06-14T09:30:00Z"));
  const config = loadConfig({ SLACK_MANAGERS_CHANNEL: "", AIMS_WORKING_HOURS: "09:00-17:00" });
  const roles = await rolesInDatabase(db.prisma, clock);
  const logger = createLogger("warn", new Writable({ write: (_c, _e, done) => done() }));
  const scheduling = createScheduling({ prisma: db.prisma, clock, roles, events: new EventBus(db.prisma, logger), config, logger, instanceId: "bench" });
  const timer = virtualTimer();
  const sentAt = new Map<string, number[]>();
  const queue = new SlackSendQueue({ timer, perChannelIntervalMs: PER_CHANNEL_MS });
  const client = deliveryClient("xoxb-bench-token", fake.apiUrl);
  const transport = new SlackDeliveryTransport(client, {
    send: (channel, call) =>
      queue.send(channel, async () => {
        const result = await call();
        sentAt.set(channel, [...(sentAt.get(channel) ?? []), timer.now()]);
        return result;
      }),
  } as SlackSendQueue);
  scheduling.scheduler.setTransport("slack", transport);

  const start = performance.now();
  const report = await scheduling.scheduler.tick();
  const wallMs = performance.now() - start;

  const dmChannels = [...sentAt.entries()].filter(([channel]) => !channel.startsWith("users.info:"));
  const gaps = dmChannels.map(([, times]) => times).flatMap((times) => times.slice(1).map((at, i) => at - times[i]!));
  const posted = fake.callsTo("chat.postMessage");
  const rejected = posted.filter((call) => call.httpStatus === 429).length;
  const delivered = posted.filter((call) => call.response.ok === true).length;
  const status = await db.prisma.scheduledDelivery.groupBy({ by: ["status"], _count: { _all: true } });
  console.log(`database: ${serverUrl ? "PostgreSQL" : "PGlite (embedded)"}`);
  console.log(`tick: ${JSON.stringify(report)}; deliveries by status: ${JSON.stringify(status.map((row) => [row.status, row._count._all]))}`);
  console.log(`Slack: ${delivered} messages delivered to ${dmChannels.length} DM channels; ${rejected} answered 429 and were retried after Retry-After`);
  console.log(`rate: smallest gap between two messages to one channel ${Math.min(...gaps)} ms (limit ${PER_CHANNEL_MS} ms); Slack time to drain ${(timer.now() / 1000).toFixed(1)} s`);
  console.log(`wall time (users.info, enqueue, claim, HTTP, mark sent): ${(wallMs / 1000).toFixed(1)} s, ${(REMINDERS / (wallMs / 1000)).toFixed(0)} reminders/s`);
} finally {
  await fake.close();
  await db.close();
}
