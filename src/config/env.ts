import { z } from "zod";
import { AAD_OBJECT_ID, aadObjectIds, optionalSlackChannelId, optionalText, positiveInt, slackUserIds } from "./env-fields.js";
import { assessmentsEnvShape } from "./assessments-env.js";
import { linkAnswersEnvShape } from "./link-answers-env.js";
import { retentionEnvShape } from "./retention-env.js";
import { schedulingEnvShape } from "./scheduling-env.js";
import { metricsCompanions, metricsEnvShape } from "./metrics-env.js";

export const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    DATABASE_URL: optionalText.pipe(
      z
        .string()
        .regex(/^postgres(ql)?:\/\//, "must be a postgresql:// connection URL")
        .optional(),
    ),
    DATA_DIR: z.string().trim().min(1).default("./data"),
    DATABASE_POOL_SIZE: positiveInt(10),
    DATABASE_CONNECT_TIMEOUT_MS: positiveInt(5000),

    SLACK_BOT_TOKEN: optionalText.pipe(z.string().startsWith("xoxb-", "must start with xoxb-").optional()),
    SLACK_SIGNING_SECRET: optionalText,
    SLACK_APP_TOKEN: optionalText.pipe(z.string().startsWith("xapp-", "must start with xapp-").optional()),
    SLACK_API_URL: optionalText.pipe(z.url({ protocol: /^https?$/ }).optional()),
    SLACK_API_TIMEOUT_MS: positiveInt(30_000),
    SLACK_FORM_SAVE_WAIT_MS: z.coerce.number().int().min(0).max(2500, "must be at most 2500 ms: Slack gives a form 3 seconds").default(1000),
    SLACK_APPROVALS_CHANNEL: optionalSlackChannelId,
    SLACK_GROUP_SYNC_HOURS: z.coerce.number().int().min(1).max(168, "must be at most 168 hours (a week)").default(6),
    AIMS_APPROVERS: slackUserIds,
    AIMS_OWNERS: slackUserIds,
    AIMS_INCIDENT_RESPONDERS: slackUserIds,
    SLACK_INCIDENTS_CHANNEL: optionalSlackChannelId,
    AIMS_TRIAGERS: slackUserIds,
    SLACK_TRIAGE_CHANNEL: optionalSlackChannelId,
    AIMS_CONCERN_ACK_BUSINESS_DAYS: positiveInt(5),
    AIMS_CONCERN_RESOLUTION_DAYS: positiveInt(30),
    AIMS_CONCERN_FOLLOW_UP_MAX_ATTEMPTS: positiveInt(5),
    AIMS_CONCERN_FOLLOW_UP_WINDOW_MINUTES: positiveInt(15),

    MICROSOFT_APP_ID: optionalText.pipe(z.string().regex(AAD_OBJECT_ID, "must be the bot's Microsoft app id (a GUID)").optional()),
    MICROSOFT_APP_PASSWORD: optionalText,
    MICROSOFT_APP_TENANT_ID: optionalText,
    MICROSOFT_APP_TYPE: z.enum(["SingleTenant", "MultiTenant", "UserAssignedMSI"]).default("MultiTenant"),
    TEAMS_APPROVALS_CONVERSATION: optionalText,
    TEAMS_APPROVERS: aadObjectIds,
    TEAMS_OWNERS: aadObjectIds,
    TEAMS_TRIAGE_CONVERSATION: optionalText,
    TEAMS_TRIAGERS: aadObjectIds,
    TEAMS_INCIDENTS_CONVERSATION: optionalText,
    TEAMS_INCIDENT_RESPONDERS: aadObjectIds,
    TEAMS_GROUP_SYNC_HOURS: positiveInt(6),

    AIMS_REGISTER_REVIEW_MONTHS: positiveInt(12),
    /** Path to an organisation's own approval policy (YAML); unset = the shipped default (one approver stage). */
    AIMS_APPROVAL_POLICY: optionalText,
    /** Folder of training module files (<id>.v<version>.yaml); unset = the shipped modules. */
    AIMS_TRAINING_MODULES_DIR: optionalText,
    /** The largest Markdown file an AIMS owner can publish a policy from by sharing it with the bot, in KB. */
    AIMS_POLICY_FILE_MAX_KB: positiveInt(100),
    ...assessmentsEnvShape,
    ...linkAnswersEnvShape,
    ...retentionEnvShape,
    ...schedulingEnvShape,
    ...metricsEnvShape,
  });

export type Env = z.output<typeof envSchema>;

const present = (raw: NodeJS.ProcessEnv, name: string) => (raw[name] ?? "").trim() !== "";

/**
 * Settings that only make sense together. Checked on the raw values, so these problems are reported in the same
 * message as every malformed value (zod skips object-level checks once a field has failed).
 */
export function missingCompanions(raw: NodeJS.ProcessEnv): string[] {
  const problems: string[] = [];
  const slackToken = present(raw, "SLACK_BOT_TOKEN");
  const signingSecret = present(raw, "SLACK_SIGNING_SECRET");
  const socketMode = present(raw, "SLACK_APP_TOKEN");
  if (slackToken && !signingSecret && !socketMode) {
    problems.push(
      "SLACK_SIGNING_SECRET: Slack over HTTP needs it to verify that requests come from Slack (or set SLACK_APP_TOKEN to use Socket Mode)",
    );
  }
  if (!slackToken && (signingSecret || socketMode)) {
    problems.push("SLACK_BOT_TOKEN: Slack needs SLACK_BOT_TOKEN as well as SLACK_SIGNING_SECRET or SLACK_APP_TOKEN");
  }
  if (slackToken && !present(raw, "SLACK_APPROVALS_CHANNEL")) {
    problems.push("SLACK_APPROVALS_CHANNEL: is required when Slack is on: the channel id where approvers decide requests");
  }
  if (slackToken && !present(raw, "AIMS_APPROVERS")) {
    problems.push("AIMS_APPROVERS: is required when Slack is on: comma-separated Slack user ids of the people who may approve");
  }
  problems.push(...teamsCompanions(raw), ...metricsCompanions(raw));
  return problems;
}

/** Teams is on when TEAMS_APPROVALS_CONVERSATION is set; the app settings follow the Bot Framework's rules. */
export function teamsCompanions(raw: NodeJS.ProcessEnv): string[] {
  const problems: string[] = [];
  const teamsOn = present(raw, "TEAMS_APPROVALS_CONVERSATION");
  const appId = present(raw, "MICROSOFT_APP_ID");
  if (!teamsOn && (appId || present(raw, "TEAMS_APPROVERS"))) {
    problems.push(
      "TEAMS_APPROVALS_CONVERSATION: is required when Teams is on: the id of the Teams channel or group chat where approvers decide requests",
    );
  }
  if (teamsOn && !present(raw, "TEAMS_APPROVERS")) {
    problems.push("TEAMS_APPROVERS: is required when Teams is on: comma-separated AAD object ids of the people who may approve");
  }
  const password = present(raw, "MICROSOFT_APP_PASSWORD");
  if (!appId) {
    if (password) problems.push("MICROSOFT_APP_ID: is required when MICROSOFT_APP_PASSWORD is set");
    return problems;
  }
  const appType = raw.MICROSOFT_APP_TYPE?.trim() || "MultiTenant";
  if (appType !== "MultiTenant" && !present(raw, "MICROSOFT_APP_TENANT_ID")) {
    problems.push(`MICROSOFT_APP_TENANT_ID: is required when MICROSOFT_APP_TYPE is ${appType}`);
  }
  if (appType === "UserAssignedMSI" && password) {
    problems.push("MICROSOFT_APP_PASSWORD: must not be set when MICROSOFT_APP_TYPE is UserAssignedMSI (the managed identity signs in)");
  }
  if (appType !== "UserAssignedMSI" && !password) {
    problems.push(`MICROSOFT_APP_PASSWORD: is required when MICROSOFT_APP_TYPE is ${appType}`);
  }
  return problems;
}
