import { InFlight } from "./in-flight.js";
import type { Logger } from "../log/logger.js";

/**
 * Domain events, published after a change has committed. Features add their events by declaration merging:
 *   declare module "../../core/events.js" { interface DomainEvents { "incident.opened": { incident: Incident } } }
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface DomainEvents {}

type Handler<T> = (payload: T) => Promise<void> | void;

/**
 * In-process publish/subscribe between the core and the chat channels. `emit` returns at once: handlers (posting
 * to Slack or Teams) run afterwards, so a person's request is answered without waiting for notifications. One
 * failing handler is logged and never undoes the committed change or stops the others. `drain` waits for running
 * handlers, on shutdown.
 */
export class EventBus {
  private readonly handlers = new Map<string, Handler<never>[]>();
  private readonly running = new InFlight();

  constructor(private readonly logger: Logger) {}

  on<K extends keyof DomainEvents & string>(name: K, handler: Handler<DomainEvents[K]>): void {
    this.handlers.set(name, [...(this.handlers.get(name) ?? []), handler as Handler<never>]);
  }

  async emit<K extends keyof DomainEvents & string>(name: K, payload: DomainEvents[K]): Promise<void> {
    const handlers = (this.handlers.get(name) ?? []) as Handler<DomainEvents[K]>[];
    for (const handler of handlers) {
      this.running.track(
        Promise.resolve()
          .then(() => handler(payload))
          .catch((error: unknown) => this.logger.error({ err: error, event: name }, "event handler failed")),
      );
    }
  }

  /** Resolves when every handler started so far has finished, or after `timeoutMs`. */
  drain(timeoutMs = 10_000): Promise<void> {
    return this.running.drain(timeoutMs);
  }
}
