/**
 * Bot Connector answers worth trying again that botbuilder's own HTTP pipeline does not retry. That pipeline
 * (@azure/core-rest-pipeline's default retry policy, 3 retries) already retries 408 and 5xx other than 501/505 —
 * so 502 and 504 — with exponential back-off from 1 s, and 429/503 when they carry Retry-After. It does not retry
 * 412 (Teams' answer to a conflicting update) or a 429 without Retry-After; this does.
 */
const RETRIED_STATUSES = new Set([412, 429]);

export interface RetryOptions {
  attempts: number;
  baseDelayMs: number;
  sleep: (ms: number) => Promise<void>;
  /** Told of each answer that is about to be tried again (for metrics). */
  onRetry: (status: number) => void;
}

const DEFAULTS: RetryOptions = {
  attempts: 4,
  baseDelayMs: 250,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  onRetry: () => undefined,
};

/** The HTTP status of a failed Bot Connector call (botbuilder's errors carry it as `statusCode` or `response.status`). */
export function statusOf(error: unknown): number | undefined {
  if (!error || typeof error !== "object") return undefined;
  const { statusCode, response } = error as { statusCode?: unknown; response?: { status?: unknown } };
  if (typeof statusCode === "number") return statusCode;
  return typeof response?.status === "number" ? response.status : undefined;
}

/** The wait Teams asked for in a 429's Retry-After, in ms, or 0. */
export function retryAfterMs(error: unknown): number {
  const headers = (error as { response?: { headers?: { get?: (name: string) => string | undefined } } } | null)?.response?.headers;
  const seconds = Number(headers?.get?.("retry-after"));
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 0;
}

/** Runs `work`, retrying 412 and 429 with exponential back-off and jitter. */
export async function withConnectorRetry<T>(work: () => Promise<T>, options: Partial<RetryOptions> = {}): Promise<T> {
  const { attempts, baseDelayMs, sleep, onRetry } = { ...DEFAULTS, ...options };
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      const status = statusOf(error);
      if (attempt >= attempts || status === undefined || !RETRIED_STATUSES.has(status)) throw error;
      onRetry(status);
      const delay = baseDelayMs * 2 ** (attempt - 1);
      await sleep(delay / 2 + Math.random() * (delay / 2));
    }
  }
}
