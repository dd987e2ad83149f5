/** Attempts before a delivery is given up: with the back-off below, about eight minutes of trying. */
export const MAX_DELIVERY_ATTEMPTS = 10;
const BASE_DELAY_MS = 1_000;
const MAX_DELAY_MS = 5 * 60_000;

/**
 * When to try a failed delivery again, or null to give up. Exponential back-off with jitter, and no sooner than a
 * rate-limit answer's Retry-After (Slack's WebClient and Teams' connector errors carry it as `retryAfter` seconds).
 */
export function nextAttemptAt(attempts: number, error: unknown, now: Date): Date | null {
  if (attempts >= MAX_DELIVERY_ATTEMPTS) return null;
  const backoff = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (attempts - 1));
  const jittered = backoff / 2 + Math.random() * (backoff / 2);
  const retryAfter = (error as { retryAfter?: unknown } | null)?.retryAfter;
  const askedFor = typeof retryAfter === "number" ? retryAfter * 1000 : 0;
  return new Date(now.getTime() + Math.max(jittered, askedFor));
}
