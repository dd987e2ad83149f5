import type { Config } from "../config/config.js";
import type { Clock } from "../core/clock.js";
import { EventBus } from "../core/events.js";
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
import { PeopleDirectory } from "../features/organisation/people-directory.js";
import { RoleService } from "../features/organisation/role-service.js";
import { GroupMemberships } from "../features/organisation/group-memberships.js";
import { GroupLookups } from "../features/organisation/group-lookup.js";
import { ErasureService } from "../features/organisation/erasure.js";
import type { BootstrapRole } from "../features/organisation/role-bootstrap.js";

/** The channel-neutral core: every capability's service, shared by the Slack and Teams edges. */
export interface Core {
  prisma: Prisma;
  clock: Clock;
  roles: RoleService;
  /** One person across channels: accounts, verified emails, links. */
  directory: PeopleDirectory;
  /** Members of the groups roles are bound to, kept as the platform lists them. */
  groups: GroupMemberships;
  /** The groups each channel offers for role bindings; filled by the channels as they start. */
  groupLookups: GroupLookups;
  /** A leaver's personal data erased on request (GDPR Art. 17). */
  erasure: ErasureService;
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
  const events = new EventBus(prisma, logger, { observe: metrics.outboxDelivery });
  const directory = new PeopleDirectory({ prisma, clock, events });
  const roles = new RoleService({ prisma, clock, events, people: directory });
  const groups = new GroupMemberships({ prisma, clock, people: directory });
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
  const erasure = new ErasureService({ prisma, clock, roles });
  return { prisma, clock, roles, directory, groups, groupLookups: new GroupLookups(), erasure, events, people, soa, auditPacks, requests, incidents, assessments, concerns, scheduling, metrics };
}

/** The roles the environment variables name: the bootstrap that `applyBootstrapRoles` brings into the database. */
export function bootstrapRoles(config: Config): BootstrapRole[] {
  const { roles, scheduling } = config;
  return [
    { role: "approver", channel: "slack", variable: "AIMS_APPROVERS", ids: roles.slackApprovers },
    { role: "approver", channel: "teams", variable: "TEAMS_APPROVERS", ids: roles.teamsApprovers },
    { role: "owner", channel: "slack", variable: "AIMS_OWNERS", ids: roles.slackOwners },
    { role: "owner", channel: "teams", variable: "TEAMS_OWNERS", ids: roles.teamsOwners },
    { role: "manager", channel: "slack", variable: "AIMS_MANAGERS", ids: scheduling.slackManagers },
    { role: "manager", channel: "teams", variable: "TEAMS_MANAGERS", ids: scheduling.teamsManagers },
    { role: "incident_responder", channel: "slack", variable: "AIMS_INCIDENT_RESPONDERS", ids: roles.slackIncidentResponders },
    { role: "incident_responder", channel: "teams", variable: "TEAMS_INCIDENT_RESPONDERS", ids: roles.teamsIncidentResponders },
    { role: "triager", channel: "slack", variable: "AIMS_TRIAGERS", ids: roles.slackTriagers },
    { role: "triager", channel: "teams", variable: "TEAMS_TRIAGERS", ids: roles.teamsTriagers },
  ];
}
