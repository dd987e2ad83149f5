import { DateTime } from "luxon";
import { validate as isValidCron } from "node-cron";
import { z } from "zod";
import { aadObjectIds, flag, optionalSlackChannelId, slackUserIds } from "./env-fields.js";

const timezone = z
  .string()
  .trim()
  .default("Europe/London")
  .refine((zone) => DateTime.local().setZone(zone).isValid, "must be an IANA timezone such as Europe/London");

const workingHours = z
  .string()
  .trim()
  .default("09:00-17:00")
  .transform((value, ctx) => {
    const match = /^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-4]):([0-5]\d)$/.exec(value);
    const start = match ? Number(match[1]) * 60 + Number(match[2]) : NaN;
    const end = match ? Number(match[3]) * 60 + Number(match[4]) : NaN;
    if (!match || end <= start) {
      ctx.addIssue({ code: "custom", message: "must be HH:MM-HH:MM with the end after the start, such as 09:00-17:00" });
      return z.NEVER;
    }
    return { startMinute: start, endMinute: end };
  });

const dayOffsets = (byDefault: string) =>
  z
    .string()
    .default(byDefault)
    .transform((value) => value.split(",").map((part) => part.trim()).filter((part) => part !== "").map(Number))
    .pipe(z.array(z.number().int().positive("must be whole days before the due date, such as 14,3")));

/** Settings of scheduled reminders and the weekly digest; spread into the env schema. */
export const schedulingEnvShape = {
  AIMS_SCHEDULER_ENABLED: flag(true),
  AIMS_TIMEZONE: timezone,
  AIMS_DIGEST_CRON: z.string().trim().default("0 9 * * 1").refine(isValidCron, "must be a cron expression such as 0 9 * * 1"),
  AIMS_DIGEST_WAITING_DAYS: z.coerce.number().int().positive().default(5),
  SLACK_MANAGERS_CHANNEL: optionalSlackChannelId,
  AIMS_MANAGERS: slackUserIds,
  TEAMS_MANAGERS_CONVERSATION: z.string().trim().optional().transform((value) => value || undefined),
  TEAMS_MANAGERS: aadObjectIds,
  AIMS_REMINDER_OFFSETS_DAYS: dayOffsets("14,3"),
  AIMS_APPROVAL_EXPIRY_REMINDER_DAYS: dayOffsets("30,7"),
  AIMS_ESCALATION_GRACE_DAYS: z.coerce.number().int().min(0).default(3),
  AIMS_MAX_SNOOZES: z.coerce.number().int().min(0).default(3),
  AIMS_WORKING_HOURS: workingHours,
  AIMS_REMINDERS_ON_WEEKENDS: flag(false),
  AIMS_CATCH_UP_HOURS: z.coerce.number().int().min(0).default(72),
  AIMS_SLACK_SEND_INTERVAL_MS: z.coerce.number().int().min(0).default(1100),
};

type SchedulingEnv = z.output<z.ZodObject<typeof schedulingEnvShape>>;

export interface SchedulingConfig {
  enabled: boolean;
  timezone: string;
  digestCron: string;
  digestWaitingDays: number;
  slackManagersChannel?: string;
  slackManagers: string[];
  /** The Teams conversation (channel or group chat id) the weekly digest is posted to when Teams is on. */
  teamsManagersConversation?: string;
  /** AAD object ids of the Teams people with the manager role (digest preview, adding objectives). */
  teamsManagers: string[];
  reminderOffsetsDays: number[];
  /** Days before an approval ends that its system's owner is reminded to renew it. */
  approvalExpiryReminderDays: number[];
  escalationGraceDays: number;
  maxSnoozes: number;
  workingHours: { startMinute: number; endMinute: number };
  weekends: boolean;
  catchUpHours: number;
  /** Gap between two messages to one Slack channel (Slack allows about one per second per channel). */
  slackSendIntervalMs: number;
}

export function schedulingConfig(env: SchedulingEnv): SchedulingConfig {
  return {
    enabled: env.AIMS_SCHEDULER_ENABLED,
    timezone: env.AIMS_TIMEZONE,
    digestCron: env.AIMS_DIGEST_CRON,
    digestWaitingDays: env.AIMS_DIGEST_WAITING_DAYS,
    slackManagersChannel: env.SLACK_MANAGERS_CHANNEL,
    slackManagers: env.AIMS_MANAGERS,
    teamsManagersConversation: env.TEAMS_MANAGERS_CONVERSATION,
    teamsManagers: env.TEAMS_MANAGERS,
    reminderOffsetsDays: [...new Set(env.AIMS_REMINDER_OFFSETS_DAYS)].sort((a, b) => b - a),
    approvalExpiryReminderDays: [...new Set(env.AIMS_APPROVAL_EXPIRY_REMINDER_DAYS)].sort((a, b) => b - a),
    escalationGraceDays: env.AIMS_ESCALATION_GRACE_DAYS,
    maxSnoozes: env.AIMS_MAX_SNOOZES,
    workingHours: env.AIMS_WORKING_HOURS,
    weekends: env.AIMS_REMINDERS_ON_WEEKENDS,
    catchUpHours: env.AIMS_CATCH_UP_HOURS,
    slackSendIntervalMs: env.AIMS_SLACK_SEND_INTERVAL_MS,
  };
}
