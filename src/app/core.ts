import type { UrgentWriter } from "../db/database.js";
import type { Config } from "../config/config.js";
import { CHAT_CHANNELS, type ChatChannel } from "../core/actor.js";
import { AIMS_ROLES, type AimsRole } from "../core/roles.js";
import type { Clock } from "../core/clock.js";
import { EventBus } from "../core/events.js";
import type { Prisma } from "../db/database.js";
import type { Logger } from "../log/logger.js";
import type { Metrics } from "../metrics/metrics.js";
import { approvalStageSource } from "../features/requests/approval-stage-source.js";
import { stagesWaitingSection } from "../features/digest/stages-waiting-section.js";
import { approvalsEndingSection } from "../features/digest/approvals-ending-section.js";
import { RequestService } from "../features/requests/request-service.js";
import type { ApprovalPolicy } from "../features/requests/approval-policy/approval-policy.js";
import { createScheduling, type Scheduling } from "../features/scheduler/scheduling-core.js";
import { addRiskFollowUps } from "../features/scheduler/risk-follow-ups.js";
import { SoaService } from "../features/soa/soa-service.js";
import { AuditPackService } from "../features/evidence/audit-pack-service.js";
import { AssessmentService } from "../features/assessments/assessment-service.js";
import { signedOffAssessmentGate } from "../features/assessments/approval-gate.js";
import type { QuestionnaireDefinition } from "../features/assessments/questionnaire/index.js";
import { IncidentService } from "../features/incidents/incident-service.js";
import { InternalAuditService } from "../features/internal-audits/internal-audit-service.js";
import { addInternalAudits } from "../features/scheduler/internal-audit-follow-ups.js";
import { NonconformityService } from "../features/nonconformities/nonconformity-service.js";
import { ImprovementService } from "../features/nonconformities/improvement-service.js";
import { VendorService } from "../features/vendors/vendor-service.js";
import { DelegationService } from "../features/delegations/delegation-service.js";
import { recordEndedDelegations } from "../features/delegations/delegation-ends.js";
import { loadVendorQuestionnaire } from "../features/vendors/vendor-questionnaire.js";
import { vendorReviewSource } from "../features/vendors/vendor-review-source.js";
import { raiseNonconformitiesFromAuditFindings } from "../features/nonconformities/audit-finding-nonconformities.js";
import { nonconformitiesInput } from "../features/nonconformities/nonconformity-review-input.js";
import { auditResultsFromInternalAudits } from "../features/internal-audits/audit-results-input.js";
import { PeopleNames } from "../features/people/people-names.js";
import { ConcernService } from "../features/concerns/concern-service.js";
import { PeopleDirectory } from "../features/organisation/people-directory.js";
import { RoleService } from "../features/organisation/role-service.js";
import { LinkAnswerService } from "../features/link-answers/link-answer-service.js";
import type { LinkCatalogue } from "../features/link-answers/link-catalogue.js";
import { GroupMemberships } from "../features/organisation/group-memberships.js";
import { GroupLookups } from "../features/organisation/group-lookup.js";
import { ErasureService } from "../features/organisation/erasure.js";
import type { BootstrapRole } from "../features/organisation/role-bootstrap.js";
import { RegisterEntryService } from "../features/register/register-entry-service.js";
import { ClassificationService } from "../features/classification/classification-service.js";
import { euAiActDefinition } from "../features/classification/classification-definition.js";
import { PolicyService } from "../features/policies/policy-service.js";
import { CampaignService } from "../features/policies/campaign-service.js";
import { addCampaigns } from "../features/policies/campaign-scheduling.js";
import { loadTrainingModules } from "../features/training/load-modules.js";
import { TrainingService } from "../features/training/training-service.js";
import { trainingRenewalSource } from "../features/training/training-renewal-source.js";

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
  /** Approvers' delegates for a period (A.3.2, A.9.2), who decide on their behalf. */
  delegations: DelegationService;
  /** EU AI Act classification of requests (at intake) and register entries, from the versioned definition. */
  classification: ClassificationService;
  /** The register kept from chat: details, lifecycle, recorded users. */
  registerEntries: RegisterEntryService;
  assessments: AssessmentService;
  incidents: IncidentService;
  /** The internal audit programme (9.2): audits, checklists, findings. */
  internalAudits: InternalAuditService;
  /** Nonconformities and corrective actions (10.2). */
  nonconformities: NonconformityService;
  /** The continual-improvement log (10.1). */
  improvements: ImprovementService;
  concerns: ConcernService;
  /** Vendor due diligence (A.10.2, A.10.3): vendors, their questionnaire and yearly review. */
  vendors: VendorService;
  scheduling: Scheduling;
  /** Management reviews (9.3); the same service as `scheduling.managementReviews`. */
  managementReviews: Scheduling["managementReviews"];
  /** Answers to links to AI tools shared in chats (A.9.2). */
  linkAnswers: LinkAnswerService;
  soa: SoaService;
  auditPacks: AuditPackService;
  /** Documents people must accept (the AI policy), as versions, and each person's acceptance. */
  policies: PolicyService;
  /** Campaigns asking an audience to accept a document by a deadline. */
  campaigns: CampaignService;
  /** AI-literacy training modules, quizzes and each person's passes. */
  training: TrainingService;
  /** Latencies, retries and rate limits the channels and the scheduler report. */
  metrics: Metrics;
}

export function createCore(options: {
  prisma: Prisma;
  clock: Clock;
  config: Config;
  logger: Logger;
  assessmentDefinition: QuestionnaireDefinition;
  /** Who approves AI tool requests, by risk; default: one stage of any approver. */
  approvalPolicy?: ApprovalPolicy;
  linkCatalogue: LinkCatalogue;
  metrics: Metrics;
  /** The database's urgent lane (see Database.urgent); Prisma's pool without it. */
  urgent?: UrgentWriter;
}): Core {
  const { prisma, clock, config, logger, metrics } = options;
  const events = new EventBus(prisma, logger, { observe: metrics.outboxDelivery, urgent: options.urgent });
  const directory = new PeopleDirectory({ prisma, clock, events });
  const roles = new RoleService({ prisma, clock, events, people: directory });
  const groups = new GroupMemberships({ prisma, clock, people: directory });
  // The definition is read and checked here, so a bad one stops start-up with its file and line.
  const classification = new ClassificationService({ prisma, clock, roles, events, definition: euAiActDefinition() });
  const requests = new RequestService({
    prisma,
    clock,
    roles,
    events,
    registerReviewMonths: config.registerReviewMonths,
    approvalGates: [signedOffAssessmentGate],
    intake: classification.intake,
    approvalPolicy: options.approvalPolicy,
    stageDeadlines: { zone: config.scheduling.timezone, window: { ...config.scheduling.workingHours, weekends: config.scheduling.weekends } },
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
  const nonconformities = new NonconformityService({ prisma, clock, roles, events, people });
  const improvements = new ImprovementService({ prisma, clock, roles, events, people });
  addRiskFollowUps(scheduling, { roles, incidents, nonconformities });
  const internalAudits = new InternalAuditService({ prisma, clock, roles, events, people });
  addInternalAudits(scheduling, internalAudits);
  // The questionnaire is read and checked here, as the bot starts: a mistake in it stops the start.
  const vendors = new VendorService({ prisma, clock, roles, events, people, questionnaire: loadVendorQuestionnaire() });
  scheduling.reminders.addSource(vendorReviewSource(vendors));
  scheduling.reminders.addSource(approvalStageSource(roles));
  scheduling.digest.addSection(stagesWaitingSection);
  scheduling.digest.addSection(approvalsEndingSection);
  raiseNonconformitiesFromAuditFindings({ prisma, events, nonconformities });
  // The 9.3.2 inputs the audit programme and the nonconformity log know (replacing the stand-ins by id).
  scheduling.managementReviews.addInputProvider(auditResultsFromInternalAudits);
  scheduling.managementReviews.addInputProvider(nonconformitiesInput);
  const soa = new SoaService({ prisma, clock, roles });
  const auditPacks = new AuditPackService({ prisma, clock, roles });
  const erasure = new ErasureService({ prisma, clock, roles });
  const linkAnswers = new LinkAnswerService({ prisma, clock, roles, events, catalogue: options.linkCatalogue, quietDays: config.linkAnswers.quietDays });
  const policies = new PolicyService({ prisma, clock, roles, events, directory, fileMaxBytes: config.policyFileMaxBytes });
  const channels = CHAT_CHANNELS.filter((channel) => (channel === "slack" ? config.slack : config.teams));
  // The module files are read and checked here, so a bad one stops start-up with its file and line.
  const training = new TrainingService({ prisma, clock, roles, events, directory, modules: loadTrainingModules(config.trainingModulesDir), channels });
  scheduling.reminders.addSource(trainingRenewalSource());
  const { timezone, workingHours, weekends, maxSnoozes } = config.scheduling;
  const campaigns = new CampaignService({ prisma, clock, roles, events, directory, policies, training, channels, zone: timezone, window: { ...workingHours, weekends }, maxSnoozes });
  addCampaigns(scheduling, campaigns, policies, clock);
  const delegations = new DelegationService({ prisma, clock, roles, events, people: directory, approvalPolicy: options.approvalPolicy });
  scheduling.scheduler.addScan({ name: "delegation-ends", scan: async () => {
    await recordEndedDelegations(prisma, clock);
    return [];
  } });
  return { prisma, clock, roles, directory, groups, groupLookups: new GroupLookups(), erasure, events, people, soa, auditPacks, requests, delegations, classification, registerEntries: new RegisterEntryService({ prisma, clock, roles, events }), incidents, nonconformities, improvements, internalAudits, assessments, concerns, vendors, scheduling, managementReviews: scheduling.managementReviews, policies, campaigns, training, linkAnswers, metrics };
}

/** The environment variable that bootstraps each role on each channel. */
export const BOOTSTRAP_VARIABLES: Record<AimsRole, Record<ChatChannel, string>> = {
  approver: { slack: "AIMS_APPROVERS", teams: "TEAMS_APPROVERS" },
  owner: { slack: "AIMS_OWNERS", teams: "TEAMS_OWNERS" },
  manager: { slack: "AIMS_MANAGERS", teams: "TEAMS_MANAGERS" },
  incident_responder: { slack: "AIMS_INCIDENT_RESPONDERS", teams: "TEAMS_INCIDENT_RESPONDERS" },
  triager: { slack: "AIMS_TRIAGERS", teams: "TEAMS_TRIAGERS" },
};

/** The roles the environment variables name: the bootstrap that `applyBootstrapRoles` brings into the database. */
export function bootstrapRoles(config: Config): BootstrapRole[] {
  const { roles, scheduling } = config;
  const listed: Record<AimsRole, Record<ChatChannel, readonly string[]>> = {
    approver: { slack: roles.slackApprovers, teams: roles.teamsApprovers },
    owner: { slack: roles.slackOwners, teams: roles.teamsOwners },
    manager: { slack: scheduling.slackManagers, teams: scheduling.teamsManagers },
    incident_responder: { slack: roles.slackIncidentResponders, teams: roles.teamsIncidentResponders },
    triager: { slack: roles.slackTriagers, teams: roles.teamsTriagers },
  };
  return AIMS_ROLES.flatMap((role) => CHAT_CHANNELS.map((channel) => ({ role, channel, variable: BOOTSTRAP_VARIABLES[role][channel], ids: listed[role][channel] })));
}
