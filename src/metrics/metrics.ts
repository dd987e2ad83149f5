import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";

/** Where a request came in: the chat platform and the kind of interaction. */
export type Surface = "slash_command" | "block_action" | "view_submission" | "shortcut" | "event" | "message" | "invoke" | "other";

/**
 * Which handler answered. `handler` is always one of the bot's own names (a subcommand, an action or callback id, a
 * command word, a card verb) or "other": never typed text and never an id of a person.
 */
export interface HandlerLabel {
  channel: "slack" | "teams";
  surface: Surface;
  handler: string;
}

export type DeliveryOutcome = "sent" | "retry" | "failed";

export interface PoolStats {
  total: number;
  idle: number;
  waiting: number;
}

/** What the scheduler reports on scrape. */
export interface SchedulerState {
  /** Deliveries due now that are not sent yet (in every replica's hands: the database is shared). */
  dueDeliveries: number;
  /** How long the oldest of them has been due, in seconds; 0 when none. */
  oldestDueSeconds: number;
  /** Seconds since this replica's scheduler last finished a tick (or started); undefined when it does not run. */
  secondsSinceTick?: number;
}

/** What the outbox holds, read on scrape (every replica's: the database is shared). */
export interface OutboxState {
  /** Deliveries not yet made, including those waiting to be tried again. */
  pending: number;
  /** Pending deliveries that failed at least once. */
  retrying: number;
  /** Deliveries given up after their last attempt. */
  failed: number;
}

export type OutboxOutcome = "delivered" | "retry" | "failed";

/** How a Slack form that may outlast its ack was acknowledged: saved, "Saving…" (answered later), or asked to submit again. */
export type FormAck = "saved" | "saving" | "submit_again";

/** The small interface the channels, the database and the scheduler call. prom-client stays in this folder. */
export interface Metrics {
  acknowledged(label: HandlerLabel, seconds: number): void;
  /** The handler finished: its replies were sent (or failed). */
  replied(label: HandlerLabel, seconds: number): void;
  slackRateLimited(method: string): void;
  teamsConnectorRetried(status: number): void;
  deliveryFinished(channel: string, outcome: DeliveryOutcome): void;
  schedulerTicked(seconds: number): void;
  connectionWaited(seconds: number): void;
  outboxDelivery(outcome: OutboxOutcome): void;
  formAcknowledged(how: FormAck): void;
  /** The sealer linked events into the audit chain; the longest of them had waited this long since commit. */
  auditSealed(longestWaitSeconds: number): void;
  /** Read on every scrape. */
  watchDatabasePool(read: () => PoolStats): void;
  watchScheduler(read: () => Promise<SchedulerState>): void;
  watchOutbox(read: () => Promise<OutboxState>): void;
}

export interface MetricsRegistry extends Metrics {
  contentType: string;
  /** The text exposition of every metric. */
  render(): Promise<string>;
}

/** Seconds since `stopwatch()` was called, each time the returned function is called. */
export function stopwatch(): () => number {
  const started = performance.now();
  return () => (performance.now() - started) / 1000;
}

const LATENCY_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5, 10, 30];

/**
 * One registry per app instance (tests run several in one process, so the global default registry is never used).
 * Process metrics (CPU, memory, event loop lag, GC) are added only when metrics are served.
 */
export function createMetrics(options: { processMetrics: boolean; schedulerRunsHere: boolean }): MetricsRegistry {
  const registry = new Registry();
  if (options.processMetrics) collectDefaultMetrics({ register: registry });
  const registers = [registry];
  const handlerLabels = ["channel", "surface", "handler"] as const;
  const ack = new Histogram({
    name: "aims_ack_duration_seconds",
    help: "Time from a Slack request reaching Bolt (or a Teams activity reaching the endpoint) until it was acknowledged",
    labelNames: handlerLabels,
    buckets: LATENCY_BUCKETS,
    registers,
  });
  const reply = new Histogram({
    name: "aims_reply_duration_seconds",
    help: "Time from a request arriving until its handler finished, replies included",
    labelNames: handlerLabels,
    buckets: LATENCY_BUCKETS,
    registers,
  });
  const slackRateLimited = new Counter({
    name: "aims_slack_rate_limited_total",
    help: "HTTP 429 answers from the Slack Web API, by method (each is retried after Retry-After)",
    labelNames: ["method"],
    registers,
  });
  const teamsRetries = new Counter({
    name: "aims_teams_connector_retries_total",
    help: "Bot Connector calls tried again after a 412 or 429 answer",
    labelNames: ["status"],
    registers,
  });
  const deliveries = new Counter({
    name: "aims_scheduled_deliveries_total",
    help: "Scheduled deliveries (reminders, digests) by outcome: sent, retry (failed, tried again later) or failed (given up)",
    labelNames: ["channel", "outcome"],
    registers,
  });
  const tickDuration = new Histogram({
    name: "aims_scheduler_tick_duration_seconds",
    help: "How long one scheduler tick (scan what is due, send it) took on this replica",
    buckets: [0.1, 0.5, 1, 5, 15, 60, 300],
    registers,
  });
  const connectionWait = new Histogram({
    name: "aims_db_connection_wait_seconds",
    help: "Time waiting for a pooled database connection (queries and transactions)",
    buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60],
    registers,
  });

  const outboxDeliveries = new Counter({
    name: "aims_outbox_deliveries_total",
    help: "Messages the outbox delivered after their change committed, by outcome: delivered, retry (failed, tried again later) or failed (given up)",
    labelNames: ["outcome"],
    registers,
  });
  const formAcks = new Counter({
    name: "aims_slack_form_acks_total",
    help: "Slack request forms by how they were acknowledged: saved, saving (answered once saved) or submit_again (asked to press Submit again)",
    labelNames: ["how"],
    registers,
  });
  const sealWait = new Histogram({
    name: "aims_audit_seal_wait_seconds",
    help: "Audit sealing lag: per sealing batch, how long its oldest event waited between being recorded and being linked into the hash chain",
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 15, 60],
    registers,
  });

  /** A gauge read from one snapshot per scrape (taken in render), so one database read serves several gauges. */
  function snapshotGauge<T>(snapshot: () => Promise<T | undefined>, name: string, help: string, pick: (state: T) => number | undefined) {
    return new Gauge({
      name,
      help,
      registers,
      async collect() {
        const state = await snapshot();
        const value = state === undefined ? undefined : pick(state);
        if (value === undefined) this.reset();
        else this.set(value);
      },
    });
  }

  let pool: (() => PoolStats) | undefined;
  const poolGauge = (name: string, help: string, pick: (stats: PoolStats) => number) => snapshotGauge(async () => pool?.(), name, help, pick);
  poolGauge("aims_db_pool_connections", "Connections the database pool holds (pg Pool totalCount)", (stats) => stats.total);
  poolGauge("aims_db_pool_idle_connections", "Pooled connections not in use (pg Pool idleCount)", (stats) => stats.idle);
  poolGauge("aims_db_pool_waiting_requests", "Queries and transactions waiting for a free connection (pg Pool waitingCount)", (stats) => stats.waiting);

  let scheduler: (() => Promise<SchedulerState>) | undefined;
  let schedulerState: Promise<SchedulerState | undefined> = Promise.resolve(undefined);
  const schedulerGauge = (name: string, help: string, pick: (state: SchedulerState) => number | undefined) =>
    snapshotGauge(() => schedulerState, name, help, pick);
  schedulerGauge("aims_scheduler_due_deliveries", "Scheduled deliveries that are due but not sent yet (the backlog)", (state) => state.dueDeliveries);
  schedulerGauge("aims_scheduler_oldest_due_seconds", "How long the oldest undelivered due delivery has been waiting (the lag)", (state) => state.oldestDueSeconds);
  // Left out where the scheduler is off: a value of 0 there would read as "healthy".
  if (options.schedulerRunsHere) {
    schedulerGauge("aims_scheduler_seconds_since_tick", "Seconds since this replica's scheduler last finished a tick", (state) => state.secondsSinceTick);
  }

  let outbox: (() => Promise<OutboxState>) | undefined;
  let outboxState: Promise<OutboxState | undefined> = Promise.resolve(undefined);
  const outboxGauge = (name: string, help: string, pick: (state: OutboxState) => number) => snapshotGauge(() => outboxState, name, help, pick);
  outboxGauge("aims_outbox_pending_deliveries", "Outbox depth: messages committed changes still have to post, update or send", (state) => state.pending);
  outboxGauge("aims_outbox_retrying_deliveries", "Pending outbox deliveries that failed at least once and wait to be tried again", (state) => state.retrying);
  outboxGauge("aims_outbox_failed_deliveries", "Outbox deliveries given up after their last attempt (kept for the operator)", (state) => state.failed);

  return {
    contentType: registry.contentType,
    render() {
      // One read of the scheduler's state serves its three gauges; a failing database leaves them out of this scrape.
      schedulerState = scheduler ? scheduler().catch(() => undefined) : Promise.resolve(undefined);
      outboxState = outbox ? outbox().catch(() => undefined) : Promise.resolve(undefined);
      return registry.metrics();
    },
    acknowledged: (label, seconds) => ack.observe({ ...label }, seconds),
    replied: (label, seconds) => reply.observe({ ...label }, seconds),
    slackRateLimited: (method) => slackRateLimited.inc({ method }),
    teamsConnectorRetried: (status) => teamsRetries.inc({ status: String(status) }),
    deliveryFinished: (channel, outcome) => deliveries.inc({ channel, outcome }),
    schedulerTicked: (seconds) => tickDuration.observe(seconds),
    connectionWaited: (seconds) => connectionWait.observe(seconds),
    outboxDelivery: (outcome) => outboxDeliveries.inc({ outcome }),
    formAcknowledged: (how) => formAcks.inc({ how }),
    auditSealed: (seconds) => sealWait.observe(seconds),
    watchDatabasePool(read) {
      pool = read;
    },
    watchScheduler(read) {
      scheduler = read;
    },
    watchOutbox(read) {
      outbox = read;
    },
  };
}
