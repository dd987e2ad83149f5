import type { Logger } from "../log/logger.js";

/**
 * Domain events, published after a change has committed. Features add their events by declaration merging:
 *   declare module "../../core/events.js" { interface DomainEvents { "incident.opened": { incident: Incident } } }
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface DomainEvents {}

type Handler<T> = (payload: T) => Promise<void> | void;

/**
 * In-process publish/subscribe between the core and the chat channels. Handlers run concurrently; one failing
 * handler (Slack down, say) is logged and never undoes the committed change or stops the others.
 */
export class EventBus {
  private readonly handlers = new Map<string, Handler<never>[]>();

  constructor(private readonly logger: Logger) {}

  on<K extends keyof DomainEvents & string>(name: K, handler: Handler<DomainEvents[K]>): void {
    this.handlers.set(name, [...(this.handlers.get(name) ?? []), handler as Handler<never>]);
  }

  async emit<K extends keyof DomainEvents & string>(name: K, payload: DomainEvents[K]): Promise<void> {
    const handlers = (this.handlers.get(name) ?? []) as Handler<DomainEvents[K]>[];
    const results = await Promise.allSettled(handlers.map(async (handler) => handler(payload)));
    for (const result of results) {
      if (result.status === "rejected") this.logger.error({ err: result.reason, event: name }, "event handler failed");
    }
  }
}
