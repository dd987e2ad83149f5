import { z } from "zod";
import { assessmentsEnvShape } from "./assessments-env.js";

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();

const idList = z
  .string()
  .optional()
  .transform((value) =>
    (value ?? "")
      .split(",")
      .map((id) => id.trim())
      .filter((id) => id.length > 0),
  );

const slackUserIds = idList.pipe(
  z.array(z.string().regex(/^[UW][A-Z0-9]{2,}$/, "must be Slack user ids such as U012ABCDEF")),
);

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

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
    DATABASE_CONNECT_TIMEOUT_MS: positiveInt(2000),

    SLACK_BOT_TOKEN: optionalText.pipe(z.string().startsWith("xoxb-", "must start with xoxb-").optional()),
    SLACK_SIGNING_SECRET: optionalText,
    SLACK_APP_TOKEN: optionalText.pipe(z.string().startsWith("xapp-", "must start with xapp-").optional()),
    SLACK_API_URL: optionalText.pipe(z.url({ protocol: /^https?$/ }).optional()),
    SLACK_APPROVALS_CHANNEL: optionalText.pipe(
      z.string().regex(/^[CG][A-Z0-9]{2,}$/, "must be a Slack channel id such as C012ABCDEF").optional(),
    ),
    AIMS_APPROVERS: slackUserIds,
    AIMS_OWNERS: slackUserIds,

    AIMS_REGISTER_REVIEW_MONTHS: positiveInt(12),
    ...assessmentsEnvShape,
  })
  .superRefine((env, ctx) => {
    const slackParts = [env.SLACK_BOT_TOKEN, env.SLACK_SIGNING_SECRET];
    if (slackParts.some(Boolean) && !slackParts.every(Boolean)) {
      ctx.addIssue({
        code: "custom",
        path: [env.SLACK_BOT_TOKEN ? "SLACK_SIGNING_SECRET" : "SLACK_BOT_TOKEN"],
        message: "Slack needs both SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET",
      });
    }
    if (env.SLACK_BOT_TOKEN && !env.SLACK_APPROVALS_CHANNEL) {
      ctx.addIssue({
        code: "custom",
        path: ["SLACK_APPROVALS_CHANNEL"],
        message: "is required when Slack is on: the channel id where approvers decide requests",
      });
    }
    if (env.SLACK_BOT_TOKEN && env.AIMS_APPROVERS.length === 0) {
      ctx.addIssue({
        code: "custom",
        path: ["AIMS_APPROVERS"],
        message: "is required when Slack is on: comma-separated Slack user ids of the people who may approve",
      });
    }
  });

export type Env = z.output<typeof envSchema>;
