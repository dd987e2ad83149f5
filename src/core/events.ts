import { randomUUID } from "node:crypto";
import { InFlight } from "./in-flight.js";
import { OutboxStore, type ClaimedDelivery } from "./outbox/outbox-store.js";
import { decodePayload, encodePayload } from "./outbox/payload-codec.js";
import { nextAttemptAt } from "./outbox/retry-policy.js";
import type { Tx } from "./transaction.js";
import type { Prisma, UrgentWriter } from "../db/database.js";
import type { Logger } from "../log/logger.js";
import type { OutboxOutcome, OutboxState } from "../metrics/metrics.js";

/**
 * Domain events, recorded with the change that caused them. Features add their events by declaration merging:
 *   declare module "../../core/events.js" { interface DomainEvents { "incident.opened": { incident: Incident } } }
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by declaration merging, which a type alias cannot take
export interface DomainEvents {}

export type EventName = keyof DomainEvents & string;
type Handler<T> = (payload: T) => Promise<void> | void;

/** What a channel (or a feature reacting to another) subscribes through; its name makes each handler's id. */
export interface EventSubscriber {
  on<K extends EventName>(name: K, handler: Handler<DomainEvents[K]>): void;
}

const BATCH_SIZE = 50;
const handlerId = (subscriber: string, event: string) => `${subscriber}/${event}`;
/** A delivery's lease; the replica running it renews it at every poll, so only a dead replica's lease runs out. */
export const DELIVERY_LEASE_MS = 10_000;
/**
 * Renewed for at most this long: Slack's client waits for an answer without a time limit, so a call that never
 * returns would hold its delivery for good; past this another replica may take it over.
 */
export const DELIVERY_MAX_HOLD_MS = 60_000;
const POLL_INTERVAL_MS = 2_000;
/**
 * How long a stand-by delivery waits for the process doing its work before any replica takes it over. Far longer
 * than the work takes in a burst; a second run finds the work done (it must be idempotent) and only answers again.
 */
export const STAND_BY_MS = 30_000;

/** Work promised to someone, recorded until it is done (see EventBus.standBy). */
export interface StandBy {
  /** The work is done here: no replica needs to do it. */
  done(): Promise<void>;
}

/**
 * A durable publish/subscribe between the core and the chat channels (a transactional outbox). `record` writes one
 * delivery per subscribed handler inside the caller's transaction, so the change and what it must tell commit or roll
 * back together; `deliverPending` (called after the commit) and a poll on every replica run the handlers. A delivery
 * is claimed with a lease (`FOR UPDATE SKIP LOCKED`), so replicas never run one twice at once; one subscriber's
 * deliveries about one record run in the order they were written; a failed one is retried with back-off, and deleted
 * once it succeeds. A person's request is answered without waiting for any of it. A handler should make one change
 * in one place (update a message, or send one DM): a retry runs the whole handler again.
 */
export class EventBus {
  private readonly handlers = new Map<string, Handler<never>>();
  private readonly subscribersByEvent = new Map<string, string[]>();
  private readonly store: OutboxStore;
  private readonly running = new InFlight();
  private readonly owner = randomUUID();
  /** The deliveries this replica is running, whose leases it renews: id and when it started (transport time, ms). */
  private readonly leased = new Map<number, number>();
  private pass: Promise<void> | null = null;
  private again = false;
  private timer: NodeJS.Timeout | undefined;

  private readonly now: () => Date;
  private readonly observe: (outcome: OutboxOutcome) => void;

  /**
   * `now` is the transport's time (leases, back-off), the machine's by default: how long to wait before trying Slack
   * again is no business of the domain clock that dates records. `observe` hears each delivery's outcome (metrics).
   */
  constructor(
    prisma: Prisma,
    private readonly logger: Logger,
    options: { now?: () => Date; observe?: (outcome: OutboxOutcome) => void; urgent?: UrgentWriter } = {},
  ) {
    this.store = new OutboxStore(prisma, options.urgent);
    this.now = options.now ?? (() => new Date());
    this.observe = options.observe ?? (() => undefined);
  }

  /** How many deliveries are pending, retrying and given up, across every replica. */
  state(): Promise<OutboxState> {
    return this.store.state();
  }

  subscriber(name: string): EventSubscriber {
    return {
      on: (event, handler) => {
        const id = handlerId(name, event);
        if (this.handlers.has(id)) throw new Error(`${name} subscribes to ${event} twice`);
        this.handlers.set(id, handler as Handler<never>);
        this.subscribersByEvent.set(event, [...(this.subscribersByEvent.get(event) ?? []), name]);
      },
    };
  }

  /** Writes what `name` must tell every subscriber, in the caller's transaction; `about` orders it per record. */
  async record<K extends EventName>(tx: Tx, name: K, payload: DomainEvents[K], about: string): Promise<void> {
    const subscribers = this.subscribersByEvent.get(name) ?? [];
    const encoded = encodePayload(payload);
    await this.store.add(tx, subscribers.map((subscriber) => ({ event: name, subscriber, handler: handlerId(subscriber, name), aboutKey: about, payload: encoded })));
  }

  /**
   * Records, committed at once and outside any transaction, work this process has promised someone and is doing now
   * (a form acknowledged before it is saved): each subscriber of `name` gets it after STAND_BY_MS unless `done` was
   * called first, so another replica finishes the work should this one die. Its handlers must be idempotent.
   */
  async standBy<K extends EventName>(name: K, payload: DomainEvents[K], about: string): Promise<StandBy> {
    const availableAt = new Date(this.now().getTime() + STAND_BY_MS);
    const encoded = encodePayload(payload);
    const subscribers = this.subscribersByEvent.get(name) ?? [];
    const ids = await Promise.all(
      subscribers.map((subscriber) => this.store.standBy({ event: name, subscriber, handler: handlerId(subscriber, name), aboutKey: about, payload: encoded }, availableAt)),
    );
    return { done: async () => void (await Promise.all(ids.map((id) => this.store.withdraw(id)))) };
  }

  /** Delivers what is pending; call it after a commit that recorded events. Resolves when this pass is done. */
  deliverPending(): Promise<void> {
    if (this.pass) {
      this.again = true;
      return this.pass;
    }
    this.pass = this.running.track(this.deliverUntilEmpty()).finally(() => {
      this.pass = null;
    });
    return this.pass;
  }

  /**
   * Polls for deliveries left by a crash, a failed attempt whose wait is over, or another replica, and renews the
   * leases of the deliveries running here. `onlyReplica`: no other process can be using this database (the embedded
   * one admits a single process), so every lease left in it is a dead process's and is freed at once instead of
   * being waited out.
   */
  async start(options: { onlyReplica: boolean }): Promise<void> {
    if (options.onlyReplica) await this.store.releaseAllLeases();
    this.timer ??= setInterval(() => {
      void this.renewLeases();
      void this.deliverPending();
    }, POLL_INTERVAL_MS);
    this.timer.unref();
    void this.deliverPending();
  }

  /** Keeps the deliveries this replica is running (a slow Slack) from being taken over by another replica. */
  async renewLeases(): Promise<void> {
    const now = this.now().getTime();
    const ids = [...this.leased].filter(([, startedAt]) => now - startedAt < DELIVERY_MAX_HOLD_MS).map(([id]) => id);
    if (ids.length === 0) return;
    await this.store.renew(this.owner, ids, new Date(now + DELIVERY_LEASE_MS)).catch((error: unknown) => {
      this.logger.warn({ err: error }, "could not renew the outbox leases; another replica may run these deliveries again");
    });
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Resolves when every delivery started so far has finished, or after `timeoutMs`. */
  drain(timeoutMs = 10_000): Promise<void> {
    return this.running.drain(timeoutMs);
  }

  private async deliverUntilEmpty(): Promise<void> {
    if (this.handlers.size === 0) return;
    do {
      this.again = false;
      let claimed: ClaimedDelivery[];
      try {
        claimed = await this.store.claim(this.owner, [...this.handlers.keys()], this.now(), DELIVERY_LEASE_MS, BATCH_SIZE);
      } catch (error) {
        this.logger.warn({ err: error }, "could not read the outbox; trying again shortly");
        return;
      }
      if (claimed.length > 0) this.again = true;
      await Promise.all(claimed.map((delivery) => this.deliver(delivery)));
    } while (this.again);
  }

  private async deliver(delivery: ClaimedDelivery): Promise<void> {
    const handler = this.handlers.get(delivery.handler)!;
    this.leased.set(delivery.id, this.now().getTime());
    try {
      await handler(decodePayload(delivery.payload) as never);
      await this.store.complete(delivery, this.owner);
      this.observe("delivered");
    } catch (error) {
      const retryAt = nextAttemptAt(delivery.attempts, error, this.now());
      const log = { err: error, event: delivery.event, handler: delivery.handler, attempts: delivery.attempts };
      if (retryAt) this.logger.warn({ ...log, retryAt }, "event handler failed; it will be tried again");
      else this.logger.error(log, "event handler failed for the last time; given up");
      this.observe(retryAt ? "retry" : "failed");
      await this.store.fail(delivery, this.owner, String((error as Error)?.message ?? error), retryAt).catch((storeError: unknown) => {
        this.logger.warn({ err: storeError }, "could not record the failed delivery; its lease will expire and it is tried again");
      });
    } finally {
      this.leased.delete(delivery.id);
    }
  }
}
