import { LogLevel, WebClient } from "@slack/web-api";
import { boltLogger } from "../bolt-logger.js";
import type { SlackContext } from "../context.js";
import { rateLimitCountingFetch } from "../rate-limit-fetch.js";

/**
 * Patient retries: a 429 makes WebClient pause this client's queue for Retry-After and then try again, so a user
 * group sync under Slack's rate limits waits instead of hammering or failing. What still fails is recorded on the
 * group and retried at the next resync.
 */
const DIRECTORY_RETRIES = { retries: 5, factor: 2, minTimeout: 500, maxTimeout: 10_000 };

/**
 * The Web API client for directory reads (users.info, usergroups.*): its own, so a sync waiting out a rate limit
 * holds up no notification or modal on Bolt's client. Capped at info: debug lines would log people's emails.
 */
export function directoryClient(ctx: SlackContext): WebClient {
  return new WebClient(ctx.slack.botToken, {
    slackApiUrl: ctx.slack.apiUrl,
    logger: boltLogger(ctx.logger),
    logLevel: LogLevel.INFO,
    retryConfig: DIRECTORY_RETRIES,
    timeout: ctx.slack.apiTimeoutMs,
    fetch: rateLimitCountingFetch(ctx.core.metrics),
  });
}

/** What went wrong with a Web API call, by Slack's error code: never the request, which carries the token. */
export function slackFailure(error: unknown): string {
  const data = (error as { data?: { error?: unknown } } | null)?.data;
  if (typeof data?.error === "string") return data.error;
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : "request failed";
}
