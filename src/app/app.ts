import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Config } from "../config/config.js";
import { systemClock, type Clock } from "../core/clock.js";
import { openDatabase, type Database } from "../db/database.js";
import type { Logger } from "../log/logger.js";
import { createSlackChannel, SLACK_EVENTS_PATH, type SlackChannel } from "../channels/slack/slack-app.js";
import { createTeamsChannel, TEAMS_MESSAGES_PATH, type TeamsChannel } from "../channels/teams/teams-channel.js";
import { addFallbackRoutes, createHttpApp } from "../server/http-server.js";
import { loadAssessmentDefinition } from "../features/assessments/assessment-definition.js";
import { loadApprovalPolicy } from "../features/requests/approval-policy/approval-policy.js";
import { euAiActDefinition } from "../features/classification/classification-definition.js";
import { loadLinkCatalogue } from "../features/link-answers/link-catalogue.js";
import { applyBootstrapRoles } from "../features/organisation/role-bootstrap.js";
import { bootstrapRoles, createCore, type Core } from "./core.js";
import { InFlight } from "../core/in-flight.js";
import { describeChannels, describeMetrics } from "./startup-report.js";
import { createMetrics } from "../metrics/metrics.js";
import { serveMetrics } from "../metrics/metrics-endpoint.js";
import { ChainSealer } from "../features/audit-trail/chain-sealer.js";

export interface RunningAims {
  core: Core;
  database: Database;
  slack?: SlackChannel;
  teams?: TeamsChannel;
  server: Server;
  /** e.g. http://127.0.0.1:3000 */
  url: string;
  /** The metrics server's own address when METRICS_PORT is set, e.g. http://127.0.0.1:9464 */
  metricsUrl?: string;
  /** Stops taking requests, finishes work in flight, closes the database. */
  stop(): Promise<void>;
}

const DRAIN_TIMEOUT_MS = 10_000;

export async function startAims(config: Config, options: { logger: Logger; clock?: Clock; host?: string }): Promise<RunningAims> {
  const { logger } = options;
  // An invalid questionnaire stops start-up before anything is opened, naming the file, question and problem.
  const assessmentDefinition = await loadAssessmentDefinition(config.assessments.definitionPath);
  // So does an invalid approval policy, naming the file, the line and the problem.
  const approvalPolicy = await loadApprovalPolicy(config.approvalPolicyPath, euAiActDefinition().outcomes.map((outcome) => outcome.id));
  // So does a bad catalogue of AI service domains, naming the file and line.
  const linkCatalogue = await loadLinkCatalogue(config.linkAnswers.cataloguePath);
  const metrics = createMetrics({ processMetrics: Boolean(config.metrics), schedulerRunsHere: config.scheduling.enabled });
  const database = await openDatabase(config.database, logger, { onConnectionWait: metrics.connectionWaited });
  metrics.watchDatabasePool(() => database.poolStats());
  const core = createCore({ prisma: database.prisma, clock: options.clock ?? systemClock, config, logger, assessmentDefinition, approvalPolicy, linkCatalogue, metrics, urgent: database.urgent });
  metrics.watchScheduler(() => core.scheduling.scheduler.state());
  await applyBootstrapRoles({ prisma: database.prisma, clock: core.clock, people: core.directory }, bootstrapRoles(config));
  const inFlight = new InFlight();
  const sealer = new ChainSealer({ prisma: database.prisma, logger, onSealed: metrics.auditSealed });
  metrics.watchOutbox(() => core.events.state());
  const http = createHttpApp({ database: () => database.ping() }, logger);

  let slack: SlackChannel | undefined;
  if (config.slack) {
    slack = createSlackChannel({ core, slack: config.slack, logger, http });
    slack.app.use(async ({ next }) => {
      await inFlight.track(next());
    });
  }
  const teams = config.teams ? createTeamsChannel({ core, teams: config.teams, logger, http, inFlight }) : undefined;
  const metricsServer = config.metrics ? await serveMetrics(config.metrics, metrics, { http, logger }) : undefined;
  addFallbackRoutes(http, logger);

  const server = await new Promise<Server>((resolve, reject) => {
    const listening = http.listen(config.port, options.host ?? "0.0.0.0", () => resolve(listening));
    listening.once("error", reject);
  });
  await slack?.start();
  // Every channel has subscribed by now: what a crash or another replica left undelivered goes out.
  await core.events.start({ onlyReplica: database.kind === "embedded" });
  teams?.start();
  if (config.scheduling.enabled) core.scheduling.scheduler.start();
  sealer.start();
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  const metricsUrl = metricsServer && `http://${config.metrics!.host}:${(metricsServer.address() as AddressInfo).port}`;
  for (const line of describeChannels(config, { port, slackPath: SLACK_EVENTS_PATH, teamsPath: TEAMS_MESSAGES_PATH })) logger.info(line);
  logger.info(describeMetrics(config.metrics, metricsUrl));

  let stopping: Promise<void> | undefined;
  return {
    core,
    database,
    slack,
    teams,
    server,
    url,
    metricsUrl,
    stop() {
      stopping ??= (async () => {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        metricsServer?.closeAllConnections();
        const metricsClosed = new Promise<void>((resolve) => (metricsServer ? metricsServer.close(() => resolve()) : resolve()));
        await core.scheduling.scheduler.stop();
        core.events.stop();
        teams?.stop();
        await inFlight.drain(DRAIN_TIMEOUT_MS);
        // After the drain: in Socket Mode a listener still at work acknowledges over this socket.
        await slack?.stop();
        await core.events.drain(DRAIN_TIMEOUT_MS);
        await sealer.stop();
        server.closeAllConnections();
        await closed;
        await metricsClosed;
        await database.close();
        logger.info("aims-bot stopped");
      })();
      return stopping;
    },
  };
}
