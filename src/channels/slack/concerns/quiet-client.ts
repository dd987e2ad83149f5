import { LogLevel, type Logger as SlackLogger } from "@slack/bolt";
import { WebClient } from "@slack/web-api";
import type { SlackContext } from "../context.js";
import { rateLimitCountingFetch } from "../rate-limit-fetch.js";

const silent: SlackLogger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  setLevel: () => undefined,
  getLevel: () => LogLevel.ERROR,
  setName: () => undefined,
};

const clients = new WeakMap<SlackContext, WebClient>();

/**
 * A Web API client that logs nothing. Bolt's client logs every request body at debug level, and for concerns those
 * bodies carry trigger ids, view ids and secrets that would tie an anonymous reporter to their report. Failures
 * still reach the caller as errors, which are logged without their details (see concern-failure.ts).
 */
export function quietClient(ctx: SlackContext): WebClient {
  let client = clients.get(ctx);
  if (!client) {
    client = new WebClient(ctx.slack.botToken, {
      slackApiUrl: ctx.slack.apiUrl,
      logger: silent,
      retryConfig: { retries: 2 },
      fetch: rateLimitCountingFetch(ctx.core.metrics),
    });
    clients.set(ctx, client);
  }
  return client;
}
