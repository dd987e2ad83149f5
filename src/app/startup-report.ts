import type { Config } from "../config/config.js";
import type { MetricsConfig } from "../config/metrics-env.js";

/** Plain lines saying which channels are on, and which settings turn the others on. */
export function describeChannels(config: Config, where: { port: number; slackPath: string; teamsPath: string }): string[] {
  const lines = [`aims-bot listening on port ${where.port} (GET /healthz, GET /readyz)`];
  lines.push(
    config.database.url
      ? "database: PostgreSQL from DATABASE_URL"
      : `database: embedded PGlite in ${config.database.dataDir} (set DATABASE_URL to use PostgreSQL)`,
  );
  if (!config.slack) {
    lines.push(
      "Slack: off. Set SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET (or SLACK_APP_TOKEN for Socket Mode), SLACK_APPROVALS_CHANNEL and AIMS_APPROVERS to turn it on.",
    );
  } else if (config.slack.appToken) {
    lines.push("Slack: on, Socket Mode (SLACK_APP_TOKEN is set)");
  } else {
    lines.push(`Slack: on, HTTP at POST ${where.slackPath}`);
  }
  if (!config.teams) {
    lines.push("Teams: off. Set TEAMS_APPROVALS_CONVERSATION, TEAMS_APPROVERS and MICROSOFT_APP_ID/MICROSOFT_APP_PASSWORD to turn it on.");
  } else if (config.teams.appId) {
    lines.push(`Teams: on, HTTP at POST ${where.teamsPath} (Bot Framework tokens required, ${config.teams.appType} app ${config.teams.appId})`);
  } else {
    lines.push(
      `Teams: on, HTTP at POST ${where.teamsPath} WITHOUT authentication (no MICROSOFT_APP_ID): for local testing only, never expose this endpoint`,
    );
  }
  return lines;
}

/** Where Prometheus metrics are served, or which settings turn them on. */
export function describeMetrics(metrics: MetricsConfig | undefined, metricsUrl: string | undefined): string {
  if (!metrics) {
    return "metrics: off. Set METRICS_PORT (a port of their own on METRICS_HOST, default 127.0.0.1) or METRICS_TOKEN (a bearer token for GET /metrics on this port) to serve Prometheus metrics.";
  }
  const auth = metrics.token ? ", bearer token from METRICS_TOKEN required" : "";
  return metricsUrl ? `metrics: on, GET ${metricsUrl}/metrics${auth}` : `metrics: on, GET /metrics on this port${auth}`;
}
