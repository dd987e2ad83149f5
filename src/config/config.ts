import { z } from "zod";
import { assessmentsConfig, type AssessmentsConfig } from "./assessments-env.js";
import { envSchema, type Env } from "./env.js";

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`aims-bot cannot start; fix these settings:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

export interface SlackConfig {
  botToken: string;
  signingSecret: string;
  appToken?: string;
  apiUrl?: string;
  approvalsChannel: string;
  /** Where impact assessments are sent for sign-off; unset: a DM to each AIMS owner. */
  assessmentsChannel?: string;
}

export interface Config {
  env: Env["NODE_ENV"];
  port: number;
  logLevel: Env["LOG_LEVEL"];
  database: { url?: string; dataDir: string; poolSize: number; connectTimeoutMs: number };
  slack?: SlackConfig;
  roles: { slackApprovers: string[]; slackOwners: string[] };
  registerReviewMonths: number;
  assessments: AssessmentsConfig;
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
  if (!parsed.success) throw new ConfigError(describeProblems(parsed.error));
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
      env.SLACK_BOT_TOKEN && env.SLACK_SIGNING_SECRET && env.SLACK_APPROVALS_CHANNEL
        ? {
            botToken: env.SLACK_BOT_TOKEN,
            signingSecret: env.SLACK_SIGNING_SECRET,
            appToken: env.SLACK_APP_TOKEN,
            apiUrl: env.SLACK_API_URL,
            approvalsChannel: env.SLACK_APPROVALS_CHANNEL,
            assessmentsChannel: env.SLACK_ASSESSMENTS_CHANNEL,
          }
        : undefined,
    roles: { slackApprovers: env.AIMS_APPROVERS, slackOwners: env.AIMS_OWNERS },
    registerReviewMonths: env.AIMS_REGISTER_REVIEW_MONTHS,
    assessments: assessmentsConfig(env),
  };
}
