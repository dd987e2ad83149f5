import type { Config } from "../config/config.js";
import type { Clock } from "../core/clock.js";
import { EventBus } from "../core/events.js";
import { Roles } from "../core/roles.js";
import type { Prisma } from "../db/database.js";
import type { Logger } from "../log/logger.js";
import { RequestService } from "../features/requests/request-service.js";

/** The channel-neutral core: every capability's service, shared by the Slack and Teams edges. */
export interface Core {
  prisma: Prisma;
  clock: Clock;
  roles: Roles;
  events: EventBus;
  requests: RequestService;
}

export function createCore(options: { prisma: Prisma; clock: Clock; config: Config; logger: Logger }): Core {
  const { prisma, clock, config, logger } = options;
  const roles = new Roles({
    approver: { slack: config.roles.slackApprovers },
    owner: { slack: config.roles.slackOwners },
  });
  const events = new EventBus(logger);
  const requests = new RequestService({
    prisma,
    clock,
    roles,
    events,
    registerReviewMonths: config.registerReviewMonths,
  });
  return { prisma, clock, roles, events, requests };
}
