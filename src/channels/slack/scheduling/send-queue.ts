import { setTimeout as sleep } from "node:timers/promises";

/** Time as the queue sees it; tests pass a virtual timer whose sleep advances time instead of waiting. */
export interface Timer {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realTimer: Timer = { now: () => Date.now(), sleep: (ms) => sleep(ms) };

export interface SendQueueOptions {
  timer: Timer;
  /** Minimum gap between two messages to one channel (Slack: about one message per second per channel). */
  perChannelIntervalMs: number;
  /** How many 429 answers one message may get before it is given up (and retried later by the scheduler). */
  maxRateLimitRetries?: number;
}

/** Slack's answer to a rate-limited call, as thrown by a WebClient with `rejectRateLimitedCalls`. */
function retryAfterSeconds(error: unknown): number | undefined {
  const { code, retryAfter } = (error ?? {}) as { code?: string; retryAfter?: number };
  return code === "slack_webapi_rate_limited_error" ? (retryAfter ?? 1) : undefined;
}

/**
 * Spaces Slack calls: one channel's messages go out in order, at least `perChannelIntervalMs` apart, while different
 * channels proceed side by side. A 429 pauses every channel for Retry-After (the limit is per method and workspace),
 * then the same message is tried again.
 */
export class SlackSendQueue {
  private readonly tails = new Map<string, Promise<unknown>>();
  private readonly nextSlot = new Map<string, number>();
  private pausedUntil = 0;

  constructor(private readonly options: SendQueueOptions) {}

  send<T>(channel: string, call: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(channel) ?? Promise.resolve();
    const result = previous.catch(() => undefined).then(() => this.sendNow(channel, call));
    const tail = result.catch(() => undefined);
    this.tails.set(channel, tail);
    void tail.then(() => {
      if (this.tails.get(channel) === tail) this.tails.delete(channel);
    });
    return result;
  }

  private async sendNow<T>(channel: string, call: () => Promise<T>): Promise<T> {
    const { timer, perChannelIntervalMs, maxRateLimitRetries = 5 } = this.options;
    for (let attempt = 0; ; attempt += 1) {
      const wait = Math.max(this.pausedUntil, this.nextSlot.get(channel) ?? 0) - timer.now();
      if (wait > 0) await timer.sleep(wait);
      try {
        const value = await call();
        this.nextSlot.set(channel, timer.now() + perChannelIntervalMs);
        return value;
      } catch (error) {
        const seconds = retryAfterSeconds(error);
        if (seconds === undefined || attempt >= maxRateLimitRetries) throw error;
        this.pausedUntil = Math.max(this.pausedUntil, timer.now() + seconds * 1000);
      }
    }
  }
}
