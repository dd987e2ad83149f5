import type { Config } from "../config/config.js";

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
