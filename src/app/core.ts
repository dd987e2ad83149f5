import type { Config } from "../config/config.js";
import type { Clock } from "../core/clock.js";
import { EventBus } from "../core/events.js";
import { Roles } from "../core/roles.js";
import type { Prisma } from "../db/database.js";
import type { Logger } from "../log/logger.js";
import type { Metrics } from "../metrics/metrics.js";
import { RequestService } from "../features/requests/request-service.js";
import { createScheduling, type Scheduling } from "../features/scheduler/scheduling-core.js";
import { addRiskFollowUps } from "../features/scheduler/risk-follow-ups.js";
import { SoaService } from "../features/soa/soa-service.js";
import { AuditPackService } from "../features/evidence/audit-pack-service.js";
import { AssessmentService } from "../features/assessments/assessment-service.js";
import { signedOffAssessmentGate } from "../features/assessments/approval-gate.js";
import type { QuestionnaireDefinition } from "../features/assessments/questionnaire/index.js";
import { IncidentService } from "../features/incidents/incident-service.js";
import { PeopleNames } from "../features/people/people-names.js";
import { ConcernService } from "../features/concerns/concern-service.js";

/** The channel-neutral core: every capability's service, shared by the Slack and Teams edges. */
export interface Core {
  prisma: Prisma;
  clock: Clock;
  roles: Roles;
  events: EventBus;
  /** The names the bot knows people by, for records and pickers that hold only an id. */
  people: PeopleNames;
  requests: RequestService;
  assessments: AssessmentService;
  incidents: IncidentService;
  concerns: ConcernService;
  scheduling: Scheduling;
  soa: SoaService;
  auditPacks: AuditPackService;
  /** Latencies, retries and rate limits the channels and the scheduler report. */
  metrics: Metrics;
}

export function createCore(options: {
  prisma: Prisma;
  clock: Clock;
  config: Config;
  logger: Logger;
  assessmentDefinition: QuestionnaireDefinition;
  metrics: Metrics;
}): Core {
  const { prisma, clock, config, logger, metrics } = options;
  const roles = new Roles({
    approver: { slack: config.roles.slackApprovers, teams: config.roles.teamsApprovers },
    owner: { slack: config.roles.slackOwners, teams: config.roles.teamsOwners },
    manager: { slack: config.scheduling.slackManagers, teams: config.scheduling.teamsManagers },
    incident_responder: { slack: config.roles.slackIncidentResponders, teams: config.roles.teamsIncidentResponders },
    triager: { slack: config.roles.slackTriagers, teams: config.roles.teamsTriagers },
  });
  const events = new EventBus(prisma, logger, { observe: metrics.outboxDelivery });
  const requests = new RequestService({
    prisma,
    clock,
    roles,
    events,
    registerReviewMonths: config.registerReviewMonths,
    approvalGates: [signedOffAssessmentGate],
  });
  const concerns = new ConcernService({ prisma, clock, roles, events, settings: config.concerns });
  const assessments = new AssessmentService({
    prisma,
    clock,
    roles,
    events,
    definition: options.assessmentDefinition,
    reassessmentIntervals: config.assessments.reassessMonths,
  });
  const people = new PeopleNames(prisma);
  const incidents = new IncidentService({ prisma, clock, roles, events, people });
  const scheduling = createScheduling({ prisma, clock, roles, events, config, logger, people, metrics });
  addRiskFollowUps(scheduling, { roles, incidents });
  const soa = new SoaService({ prisma, clock, roles });
  const auditPacks = new AuditPackService({ prisma, clock, roles });
  return { prisma, clock, roles, events, people, soa, auditPacks, requests, incidents, assessments, concerns, scheduling, metrics };
}
