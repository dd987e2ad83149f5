import type { z } from "zod";
import { schedulingConfig, type SchedulingConfig } from "./scheduling-env.js";
import { assessmentsConfig, type AssessmentsConfig } from "./assessments-env.js";
import { linkAnswersConfig, type LinkAnswersConfig } from "./link-answers-env.js";
import { envSchema, missingCompanions, type Env } from "./env.js";
import { metricsConfig, type MetricsConfig } from "./metrics-env.js";
import { retentionConfig, type RetentionConfig } from "./retention-env.js";

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`aims-bot cannot start; fix these settings:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

export interface SlackConfig {
  botToken: string;
  /** Verifies HTTP requests; not used in Socket Mode, where the app token's connection is the proof. */
  signingSecret?: string;
  appToken?: string;
  apiUrl?: string;
  /** How long one Web API call may take before it counts as failed (and is retried). */
  apiTimeoutMs: number;
  /**
   * How long a form waits for its save before it is acknowledged with "saving…" and answered when saved, counted from
   * when the request arrived; 0 acknowledges at once.
   */
  formSaveWaitMs: number;
  approvalsChannel: string;
  /** Where impact assessments are sent for sign-off; unset: a DM to each AIMS owner. */
  assessmentsChannel?: string;
  /** Where AI incidents are announced, each with a summary kept up to date. */
  incidentsChannel?: string;
  /** The confidential conversation where triagers handle AI concerns. */
  triageChannel?: string;
  /** How often the members of Slack user groups bound to roles are read again from Slack. */
  groupSyncHours: number;
}

export interface TeamsConfig {
  /** Unset: the endpoint runs without authentication, for local testing only. */
  appId?: string;
  appPassword?: string;
  appTenantId?: string;
  appType: Env["MICROSOFT_APP_TYPE"];
  approvalsConversation: string;
  /** The confidential Teams conversation where triagers handle AI concerns. */
  triageConversation?: string;
  /** Where AI incidents are announced in Teams, each with a summary card kept up to date. */
  incidentsConversation?: string;
  /** Hours between two reads of the members of every Teams team or group chat a role is bound to. */
  groupSyncHours: number;
}

export interface Config {
  env: Env["NODE_ENV"];
  port: number;
  logLevel: Env["LOG_LEVEL"];
  database: { url?: string; dataDir: string; poolSize: number; connectTimeoutMs: number };
  slack?: SlackConfig;
  teams?: TeamsConfig;
  roles: { slackApprovers: string[]; slackOwners: string[]; slackIncidentResponders: string[]; slackTriagers: string[]; teamsApprovers: string[]; teamsOwners: string[]; teamsTriagers: string[]; teamsIncidentResponders: string[] };
  registerReviewMonths: number;
  /** The approval policy file (stages by risk); unset: the shipped default. */
  approvalPolicyPath?: string;
  /** The largest Markdown file shared with the bot that a policy is published from, in bytes. */
  policyFileMaxBytes: number;
  assessments: AssessmentsConfig;
  /** The folder of training module files; unset: the shipped modules. */
  trainingModulesDir?: string;
  /** Answers to shared links to AI tools: the domain catalogue and the quiet days. */
  linkAnswers: LinkAnswersConfig;
  concerns: ConcernSettings;
  scheduling: SchedulingConfig;
  retention: RetentionConfig;
  /** Unset: metrics are off. */
  metrics?: MetricsConfig;
}

export interface ConcernSettings {
  acknowledgeBusinessDays: number;
  resolutionDays: number;
  followUpMaxAttempts: number;
  followUpWindowMinutes: number;
}

export function describeProblems(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const name = issue.path.join(".") || "environment";
    return `${name}: ${issue.message}`;
  });
}

/** Reads every setting from the environment; throws one ConfigError naming every problem. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(source);
  const problems = [...(parsed.success ? [] : describeProblems(parsed.error)), ...missingCompanions(source)];
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  const env = parsed.data;
  return {
    env: env.NODE_ENV,
    port: env.PORT,
    logLevel: env.LOG_LEVEL,
    database: {
      url: env.DATABASE_URL,
      dataDir: env.DATA_DIR,
      poolSize: env.DATABASE_POOL_SIZE,
      connectTimeoutMs: env.DATABASE_CONNECT_TIMEOUT_MS,
    },
    slack:
      env.SLACK_BOT_TOKEN && (env.SLACK_SIGNING_SECRET || env.SLACK_APP_TOKEN) && env.SLACK_APPROVALS_CHANNEL
        ? {
            botToken: env.SLACK_BOT_TOKEN,
            signingSecret: env.SLACK_SIGNING_SECRET,
            appToken: env.SLACK_APP_TOKEN,
            apiUrl: env.SLACK_API_URL,
            apiTimeoutMs: env.SLACK_API_TIMEOUT_MS,
            formSaveWaitMs: env.SLACK_FORM_SAVE_WAIT_MS,
            approvalsChannel: env.SLACK_APPROVALS_CHANNEL,
            assessmentsChannel: env.SLACK_ASSESSMENTS_CHANNEL,
            incidentsChannel: env.SLACK_INCIDENTS_CHANNEL,
            triageChannel: env.SLACK_TRIAGE_CHANNEL,
            groupSyncHours: env.SLACK_GROUP_SYNC_HOURS,
          }
        : undefined,
    teams: env.TEAMS_APPROVALS_CONVERSATION
      ? {
          appId: env.MICROSOFT_APP_ID,
          appPassword: env.MICROSOFT_APP_PASSWORD,
          appTenantId: env.MICROSOFT_APP_TENANT_ID,
          appType: env.MICROSOFT_APP_TYPE,
          approvalsConversation: env.TEAMS_APPROVALS_CONVERSATION,
          triageConversation: env.TEAMS_TRIAGE_CONVERSATION,
          incidentsConversation: env.TEAMS_INCIDENTS_CONVERSATION,
          groupSyncHours: env.TEAMS_GROUP_SYNC_HOURS,
        }
      : undefined,
    roles: {
      slackApprovers: env.AIMS_APPROVERS,
      slackOwners: env.AIMS_OWNERS,
      slackIncidentResponders: env.AIMS_INCIDENT_RESPONDERS,
      slackTriagers: env.AIMS_TRIAGERS,
      teamsApprovers: env.TEAMS_APPROVERS,
      teamsOwners: env.TEAMS_OWNERS,
      teamsTriagers: env.TEAMS_TRIAGERS,
      teamsIncidentResponders: env.TEAMS_INCIDENT_RESPONDERS,
    },
    registerReviewMonths: env.AIMS_REGISTER_REVIEW_MONTHS,
    approvalPolicyPath: env.AIMS_APPROVAL_POLICY,
    policyFileMaxBytes: env.AIMS_POLICY_FILE_MAX_KB * 1024,
    assessments: assessmentsConfig(env),
    trainingModulesDir: env.AIMS_TRAINING_MODULES_DIR,
    linkAnswers: linkAnswersConfig(env),
    concerns: {
      acknowledgeBusinessDays: env.AIMS_CONCERN_ACK_BUSINESS_DAYS,
      resolutionDays: env.AIMS_CONCERN_RESOLUTION_DAYS,
      followUpMaxAttempts: env.AIMS_CONCERN_FOLLOW_UP_MAX_ATTEMPTS,
      followUpWindowMinutes: env.AIMS_CONCERN_FOLLOW_UP_WINDOW_MINUTES,
    },
    scheduling: schedulingConfig(env),
    retention: retentionConfig(env),
    metrics: metricsConfig(env),
  };
}
