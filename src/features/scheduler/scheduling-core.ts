import type { Config } from "../../config/config.js";
import type { SchedulingConfig } from "../../config/scheduling-env.js";
import type { Clock } from "../../core/clock.js";
import type { EventBus } from "../../core/events.js";
import type { Roles } from "../../core/roles.js";
import type { Prisma } from "../../db/database.js";
import type { Logger } from "../../log/logger.js";
import type { Metrics } from "../../metrics/metrics.js";
import type { Recipient } from "./delivery.js";
import { CORE_DIGEST_SECTIONS } from "../digest/core-sections.js";
import { DigestService } from "../digest/digest-service.js";
import { PeopleNames } from "../people/people-names.js";
import { ObjectiveService } from "../objectives/objective-service.js";
import { ReminderScan } from "../reminders/reminder-scan.js";
import { ReminderService } from "../reminders/reminder-service.js";
import { registerReviewSource } from "../requests/register-review-source.js";
import { approvalExpirySource } from "../requests/approval-expiry-source.js";
import { ApprovalExpiry } from "../register/approval-expiry.js";
import { classificationDueSource } from "../classification/classification-due-source.js";
import { ReviewService } from "../reviews/review-service.js";
import { RetentionService } from "../retention/retention-service.js";
import { reviewScheduleSource } from "../reviews/review-schedule-source.js";
import { Scheduler } from "./scheduler.js";
import { ManagementReviewScan } from "../management-reviews/management-review-scan.js";
import { ManagementReviewService } from "../management-reviews/management-review-service.js";
import { managementReviewSource, reviewActionSource } from "../management-reviews/management-review-sources.js";
import { managementReviewsSection } from "../digest/management-reviews-section.js";

/** Reminders, reviews, objectives, the digest and the scheduler that runs them. */
export interface Scheduling {
  settings: SchedulingConfig;
  reminders: ReminderService;
  reviews: ReviewService;
  /** Management reviews (9.3): opened on their day by the scheduler, their actions reminded. */
  managementReviews: ManagementReviewService;
  objectives: ObjectiveService;
  digest: DigestService;
  /** Retention periods, applied once a day by the scheduler. */
  retention: RetentionService;
  scheduler: Scheduler;
}

const HOUR_MS = 3600_000;

export function createScheduling(options: {
  prisma: Prisma;
  clock: Clock;
  roles: Roles;
  events: EventBus;
  config: Config;
  logger: Logger;
  people?: PeopleNames;
  instanceId?: string;
  metrics?: Metrics;
}): Scheduling {
  const { prisma, clock, roles, events, config, logger } = options;
  const settings = config.scheduling;
  const catchUpMs = settings.catchUpHours * HOUR_MS;
  const people = options.people ?? new PeopleNames(prisma);
  const reminders = new ReminderService({ prisma, events, clock, roles, maxSnoozes: settings.maxSnoozes, people });
  const objectives = new ObjectiveService({ prisma, clock, roles, events, zone: settings.timezone, people });
  reminders.addSource(registerReviewSource(config.registerReviewMonths));
  reminders.addSource(approvalExpirySource(settings.approvalExpiryReminderDays));
  reminders.addSource(reviewScheduleSource);
  reminders.addSource(classificationDueSource);
  for (const source of objectives.sources) reminders.addSource(source);
  const managementReviews = new ManagementReviewService({ prisma, clock, roles, events, people, zone: settings.timezone });
  reminders.addSource(managementReviewSource(managementReviews));
  reminders.addSource(reviewActionSource(managementReviews));
  const reviews = new ReviewService({ prisma, clock, roles, reminders, people, zone: settings.timezone });
  const digest = new DigestService({
    prisma,
    clock,
    roles,
    sections: [...CORE_DIGEST_SECTIONS, managementReviewsSection],
    settings: { cron: settings.digestCron, timezone: settings.timezone, waitingDays: settings.digestWaitingDays, catchUpMs, destinations: digestDestinations(config) },
  });
  const reminderScan = new ReminderScan({
    prisma,
    roles,
    listDue: (until) => reminders.listDue(until),
    policy: { offsetsDays: settings.reminderOffsetsDays, graceDays: settings.escalationGraceDays, catchUpMs, zone: settings.timezone },
    window: { ...settings.workingHours, weekends: settings.weekends },
  });
  const retention = new RetentionService({ prisma, clock, settings: config.retention, logger });
  const scheduler = new Scheduler({
    prisma,
    clock,
    logger,
    // Approvals that ended expire before the reminders are planned, so an expired entry is not reminded of its end.
    scans: [new ManagementReviewScan(managementReviews), new ApprovalExpiry({ prisma, clock, roles, events }), reminderScan, digest, retention],
    triggers: ["* * * * *", settings.digestCron],
    timezone: settings.timezone,
    instanceId: options.instanceId,
    metrics: options.metrics,
  });
  return { settings, reminders, reviews, managementReviews, objectives, digest, retention, scheduler };
}

/** The managers' conversations the weekly digest goes to: Slack's channel, and Teams' conversation when Teams is on. */
function digestDestinations(config: Config): Recipient[] {
  const { slackManagersChannel, teamsManagersConversation } = config.scheduling;
  return [
    ...(slackManagersChannel ? [{ channel: "slack" as const, id: slackManagersChannel }] : []),
    ...(config.teams && teamsManagersConversation ? [{ channel: "teams" as const, id: teamsManagersConversation }] : []),
  ];
}
