import { ExpressReceiver, LogLevel, SocketModeReceiver, type App, type Receiver } from "@slack/bolt";
import type { Application } from "express";
import type { Core } from "../../app/core.js";
import type { SlackConfig } from "../../config/config.js";
import type { Logger } from "../../log/logger.js";
import { boltLogger } from "./bolt-logger.js";
import { rememberBotIdentity } from "./bot-identity.js";
import type { SlackContext } from "./context.js";
import { slackGroupLookup } from "./directory/group-lookup.js";
import { registerListeners } from "./listeners/index.js";
import { PayloadCheckingApp } from "./payload-check.js";
import { rateLimitCountingFetch } from "./rate-limit-fetch.js";
import { timedReceiver } from "./timed-receiver.js";
import { arrivalProperties, noteArrival } from "./arrival.js";
import { subscribeSlackNotifications } from "./conversation/slack-publisher.js";
import { registerSlackDirectory, type SlackDirectory } from "./directory/register-directory.js";

export const SLACK_EVENTS_PATH = "/slack/events";

export interface SlackChannel {
  app: App;
  mode: "http" | "socket";
  /** Slack people and user groups for the people directory and roles. */
  directory: SlackDirectory;
  /** Socket Mode opens its WebSocket here; HTTP mode is served by the shared server. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The Slack edge: a Bolt app whose listeners call the core. In HTTP mode its receiver is mounted on the shared
 * express server at /slack/events (signatures checked, requests older than 5 minutes refused); with an app token
 * it uses Socket Mode instead.
 */
/**
 * A few quick retries of a failed Web API call. WebClient's default (ten over about thirty minutes) would keep a
 * notification, and its lease in the outbox, waiting half an hour; the outbox retries what still fails, durably.
 */
const SLACK_RETRIES = { retries: 3, factor: 2, minTimeout: 500, maxTimeout: 4_000 };

export function createSlackChannel(options: { core: Core; slack: SlackConfig; logger: Logger; http: Application }): SlackChannel {
  const { core, slack, logger, http } = options;
  const logs = boltLogger(logger);
  let receiver: Receiver;
  if (slack.appToken) {
    receiver = new SocketModeReceiver({
      appToken: slack.appToken,
      logger: logs,
      // Bolt hands the receiver's WebClient (the one calling apps.connections.open) only these options, not App's
      // clientOptions, so SLACK_API_URL (GovSlack, tests) must be given here too. A fresh object: the Socket Mode
      // client writes its own retry policy into it.
      installerOptions: { clientOptions: slack.apiUrl ? { slackApiUrl: slack.apiUrl } : undefined },
    });
  } else {
    // loadConfig refuses HTTP mode without a signing secret; this only keeps a hand-built config honest.
    if (!slack.signingSecret) throw new Error("Slack over HTTP needs SLACK_SIGNING_SECRET to verify requests");
    http.use(SLACK_EVENTS_PATH, noteArrival);
    receiver = new ExpressReceiver({
      signingSecret: slack.signingSecret,
      endpoints: SLACK_EVENTS_PATH,
      app: http,
      logger: logs,
      processBeforeResponse: false,
      customPropertiesExtractor: arrivalProperties,
      // Requests Bolt cannot route (malformed or unknown payloads) get a 4xx instead of a 500.
      processEventErrorHandler: async ({ error, response, logger: log }) => {
        log.warn(`could not process a Slack request: ${(error as Error).message}`);
        if (!response.headersSent) response.writeHead(400).end();
        return false;
      },
    });
  }
  const app = new PayloadCheckingApp({
    token: slack.botToken,
    receiver: timedReceiver(receiver, core.metrics),
    logger: logs,
    // Capped at info whatever LOG_LEVEL says: Bolt's debug lines include whole request payloads, which would name
    // the reporter of an anonymous concern.
    logLevel: LogLevel.INFO,
    // Slack's client waits for an answer without limit by default: one call Slack never answers would hold up every
    // delivery queued behind it until a restart.
    clientOptions: { slackApiUrl: slack.apiUrl, logLevel: LogLevel.INFO, fetch: rateLimitCountingFetch(core.metrics), retryConfig: SLACK_RETRIES, timeout: slack.apiTimeoutMs },
    // No listener keeps state per conversation; Bolt's default store would look one up (and build an Error for
    // "not found") on every request.
    convoStore: false,
    // Slack may be unreachable at start-up; who the bot is gets asked on the first request (rememberBotIdentity).
    tokenVerificationEnabled: false,
  });
  rememberBotIdentity(app, slack.botToken);
  const ctx: SlackContext = { core, slack, logger };
  const directory = registerSlackDirectory(app, ctx);
  registerListeners(app, ctx);
  core.groupLookups.use("slack", slackGroupLookup(app.client));
  subscribeSlackNotifications(ctx, app.client);
  app.error(async (error) => {
    logger.error({ err: error }, "unhandled Slack listener error");
  });

  return {
    app,
    mode: slack.appToken ? "socket" : "http",
    directory,
    async start() {
      if (slack.appToken) await app.start();
    },
    async stop() {
      if (slack.appToken) await app.stop();
      await directory.stop();
    },
  };
}
