export interface RateLimitOptions {
  /** How many consecutive calls answer HTTP 429. */
  times: number;
  retryAfterSeconds: number;
}

/** Failures a test asks for: platform errors, rate limiting and latency. */
export class FaultInjector {
  latencyMs = 0;
  private readonly queuedErrors = new Map<string, string[]>();
  private readonly rateLimits = new Map<string, RateLimitOptions>();

  failNext(method: string, error: string): void {
    const queue = this.queuedErrors.get(method) ?? [];
    queue.push(error);
    this.queuedErrors.set(method, queue);
  }

  rateLimit(method: string, options: RateLimitOptions): void {
    this.rateLimits.set(method, { ...options });
  }

  /** The error to answer this call with, if one was queued. */
  takeError(method: string): string | undefined {
    return this.queuedErrors.get(method)?.shift();
  }

  /** Seconds for Retry-After if this call is rate limited. */
  takeRateLimit(method: string): number | undefined {
    const limit = this.rateLimits.get(method);
    if (!limit || limit.times <= 0) return undefined;
    limit.times -= 1;
    return limit.retryAfterSeconds;
  }

  clear(): void {
    this.latencyMs = 0;
    this.queuedErrors.clear();
    this.rateLimits.clear();
  }
}
