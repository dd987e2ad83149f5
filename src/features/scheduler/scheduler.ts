import { randomUUID } from "node:crypto";
import { schedule, type ScheduledTask } from "node-cron";
import type { ChatChannel } from "../../core/actor.js";
import type { Clock } from "../../core/clock.js";
import type { Prisma } from "../../db/database.js";
import type { Logger } from "../../log/logger.js";
import { stopwatch, type Metrics, type SchedulerState } from "../../metrics/metrics.js";
import type { ClaimedDelivery, DeliveryTransport, NewDelivery, Recipient } from "./delivery.js";
import { DeliveryStore } from "./delivery-store.js";

/** Something that knows what is due at `now` and returns the messages to enqueue (a reminder scan, the digest). */
export interface DueScan {
  readonly name: string;
  scan(now: Date, timezoneOf: (recipient: Recipient) => Promise<string | undefined>): Promise<NewDelivery[]>;
}

export interface SchedulerOptions {
  prisma: Prisma;
  clock: Clock;
  logger: Logger;
  scans: DueScan[];
  /** Cron expressions (in `timezone`) that trigger a tick; every minute by default. */
  triggers?: string[];
  timezone: string;
  /** Identifies this replica's leases; random by default. */
  instanceId?: string;
  leaseMs?: number;
  batchSize?: number;
  /** Delay before a failed send is tried again. */
  retryDelayMs?: number;
  metrics?: Pick<Metrics, "deliveryFinished" | "schedulerTicked">;
}

export interface TickReport {
  enqueued: number;
  sent: number;
  failed: number;
}

const EVERY_MINUTE = "* * * * *";
const MAX_BATCHES_PER_TICK = 1000;

/**
 * Runs the scans and sends what they enqueued. node-cron only says "look now"; what is due, and whether it was
 * already sent, is decided in the database, so any number of replicas can run a Scheduler on one database.
 */
export class Scheduler {
  readonly instanceId: string;
  private readonly store: DeliveryStore;
  private readonly transports = new Map<ChatChannel, DeliveryTransport>();
  private readonly tasks: ScheduledTask[] = [];
  private running: Promise<TickReport> | undefined;
  private stopped = false;
  /** When the last tick finished (or the scheduler started); unset while it does not run on this replica. */
  private lastTickAt: Date | undefined;

  constructor(private readonly options: SchedulerOptions) {
    this.instanceId = options.instanceId ?? randomUUID();
    this.store = new DeliveryStore(options.prisma);
  }

  /** Adds a scan that runs at every tick, after the ones given at construction. */
  addScan(scan: DueScan): void {
    this.options.scans.push(scan);
  }

  setTransport(channel: ChatChannel, transport: DeliveryTransport): void {
    this.transports.set(channel, transport);
  }

  /** Starts the cron triggers and runs one tick at once, which catches up on what was missed while down. */
  start(): void {
    this.stopped = false;
    this.lastTickAt = this.options.clock.now();
    for (const expression of this.options.triggers ?? [EVERY_MINUTE]) {
      this.tasks.push(schedule(expression, () => this.tickQuietly(), { timezone: this.options.timezone, noOverlap: true }));
    }
    void this.tickQuietly();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.lastTickAt = undefined;
    await Promise.all(this.tasks.splice(0).map((task) => task.destroy()));
    await this.running?.catch(() => undefined);
  }

  /** One pass: enqueue what is due, then send everything due until nothing is left. Overlapping calls share a pass. */
  tick(): Promise<TickReport> {
    this.running ??= this.runTick().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async tickQuietly(): Promise<void> {
    if (this.stopped) return;
    try {
      const report = await this.tick();
      if (report.enqueued + report.sent + report.failed > 0) this.options.logger.info({ ...report }, "scheduler tick");
    } catch (error) {
      this.options.logger.warn({ err: error }, "scheduler tick failed; the next tick retries");
    }
  }

  private async runTick(): Promise<TickReport> {
    const elapsed = stopwatch();
    const enqueued = await this.enqueueDue();
    const { sent, failed } = await this.dispatch();
    this.options.metrics?.schedulerTicked(elapsed());
    if (!this.stopped) this.lastTickAt = this.options.clock.now();
    return { enqueued, sent, failed };
  }

  /** The backlog and lag, for metrics. */
  async state(): Promise<SchedulerState> {
    const now = this.options.clock.now();
    const { due, oldestDueAt } = await this.store.backlog(now);
    const secondsSince = (time: Date) => Math.max(0, (now.getTime() - time.getTime()) / 1000);
    return {
      dueDeliveries: due,
      oldestDueSeconds: oldestDueAt ? secondsSince(oldestDueAt) : 0,
      secondsSinceTick: this.lastTickAt ? secondsSince(this.lastTickAt) : undefined,
    };
  }

  /** Runs every scan and inserts the deliveries that are new (the first half of a tick). */
  async enqueueDue(): Promise<number> {
    const now = this.options.clock.now();
    let enqueued = 0;
    const timezoneOf = (recipient: Recipient) => this.transports.get(recipient.channel)?.timezoneOf(recipient.id) ?? Promise.resolve(undefined);
    for (const scan of this.options.scans) {
      const candidates = (await scan.scan(now, timezoneOf)).filter((delivery) => this.transports.has(delivery.recipient.channel));
      enqueued += await this.store.enqueue(candidates);
    }
    return enqueued;
  }

  /** Claims and sends batches until no delivery is due. Exposed for tests that stop between claim and send. */
  async dispatch(): Promise<{ sent: number; failed: number }> {
    let sent = 0;
    let failed = 0;
    for (let batch = 0; batch < MAX_BATCHES_PER_TICK && !this.stopped; batch += 1) {
      const claimed = await this.claim();
      if (claimed.length === 0) break;
      const outcomes = await Promise.all(claimed.map((delivery) => this.send(delivery)));
      sent += outcomes.filter((ok) => ok).length;
      failed += outcomes.filter((ok) => !ok).length;
    }
    return { sent, failed };
  }

  claim(): Promise<ClaimedDelivery[]> {
    const { clock, leaseMs = 5 * 60_000, batchSize = 50 } = this.options;
    return this.store.claim(this.instanceId, clock.now(), leaseMs, batchSize);
  }

  private async send(delivery: ClaimedDelivery): Promise<boolean> {
    const { clock, logger, retryDelayMs = 5 * 60_000 } = this.options;
    const transport = this.transports.get(delivery.channel);
    try {
      if (!transport) throw new Error(`no ${delivery.channel} transport`);
      const sent = await transport.send(delivery, clock.now());
      const recorded = await this.store.markSent(delivery, this.instanceId, clock.now(), sent);
      if (!recorded) logger.warn({ key: delivery.key }, "sent a delivery whose lease had expired");
      this.options.metrics?.deliveryFinished(delivery.channel, "sent");
      return true;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const retryAt = new Date(clock.now().getTime() + retryDelayMs);
      const outcome = await this.store.markFailed(delivery, this.instanceId, message, retryAt);
      logger.warn({ key: delivery.key, attempts: delivery.attempts, outcome, err: error }, "scheduled delivery failed");
      this.options.metrics?.deliveryFinished(delivery.channel, outcome);
      return false;
    }
  }
}
