import type { Actor, ChatChannel } from "../../core/actor.js";
import { CHANNEL_NAMES } from "../../core/actor.js";
import { recordAudit } from "../../core/audit.js";
import type { Clock } from "../../core/clock.js";
import type { EventBus } from "../../core/events.js";
import { ROLE_NAMES, type Roles } from "../../core/roles.js";
import type { Prisma } from "../../db/database.js";
import { Prisma as PrismaSql, type AiSystem, type DirectoryGroup, type PolicyCampaign } from "../../db/generated/client.js";
import type { PeopleDirectory } from "../organisation/people-directory.js";
import { TRAINING_CAMPAIGN_CONTROLS } from "../training/controls.js";
import type { TrainingModule } from "../training/training-module.js";
import type { TrainingService } from "../training/training-service.js";
import { CAMPAIGN_CONTROLS } from "./controls.js";
import { campaignDoneAtSql, type CampaignSubject, subjectOf } from "./campaign-subject.js";
import { parseCampaignForm, type AudienceChoice, type CampaignField } from "./campaign-form.js";
import type { CampaignInvitationPayload } from "./campaign-payload.js";
import { remindLate } from "./campaign-reminders.js";
import { snoozeCampaignReminder, type CampaignSnoozeResult } from "./campaign-snooze.js";
import type { SnoozePeriod } from "../reminders/snooze.js";
import type { DeliveryWindow } from "../scheduler/working-hours.js";
import { audienceSize, planCampaign, type AudienceFilter } from "./campaign-planning.js";
import { ONLY_OWNERS_PUBLISH, type PolicyService, type VersionWithDocument } from "./policy-service.js";
import "./policy-events.js";

export interface CampaignServiceDeps {
  prisma: Prisma;
  clock: Clock;
  roles: Roles;
  events: EventBus;
  directory: PeopleDirectory;
  policies: PolicyService;
  /** The training modules a campaign can be of. */
  training: TrainingService;
  /** The channels the bot sends on: people are reached on these only. */
  channels: readonly ChatChannel[];
  /** The AIMS timezone: a deadline day ends at 17:00 there. */
  zone: string;
  /** Working hours (a snoozed reminder comes back inside them) and how often a person may snooze one. */
  window: DeliveryWindow;
  maxSnoozes: number;
}

/** A campaign with its document version (null for a training campaign) and what it is of. */
export type CampaignWithVersion = PolicyCampaign & { version: VersionWithDocument | null; subject: CampaignSubject };

const withSubject = <C extends PolicyCampaign & { version: VersionWithDocument | null }>(campaign: C) => ({ ...campaign, subject: subjectOf(campaign, campaign.version) });

export type StartResult =
  | { kind: "started"; campaign: CampaignWithVersion; recipients: number }
  | { kind: "invalid"; errors: Partial<Record<CampaignField, string>> }
  | { kind: "forbidden"; message: string };

/** A campaign's figures: everyone it went to, who accepted, who is late. */
export interface CampaignProgress {
  campaign: CampaignWithVersion;
  recipients: number;
  accepted: number;
  overdue: number;
  /** How many were sent, waiting to be sent, or could not be sent. */
  sent: number;
  failed: number;
  /** Recipients by channel: accepted of all. */
  byChannel: { channel: ChatChannel; recipients: number; accepted: number }[];
}

export interface OverduePerson {
  channel: ChatChannel;
  id: string;
  name: string | null;
}

/** A campaign a person has still to answer: what to accept, and by when. */
export interface PendingCampaign {
  campaign: PolicyCampaign;
  version: VersionWithDocument;
}

const DONE = PrismaSql.raw(`${campaignDoneAtSql()} IS NOT NULL`);

/**
 * Campaigns asking people to accept a document version by a deadline (ISO 42001 7.3, 7.4): the audience is planned
 * into recipients and scheduled deliveries page by page (see campaign-planning.ts), which the scheduler sends at the
 * platforms' rate limits, exactly once per person; new joiners are added as they arrive.
 */
export class CampaignService {
  private onPlanned: () => void = () => undefined;

  constructor(private readonly deps: CampaignServiceDeps) {}

  /** What to do once people were added (the scheduler sends their messages now, not at its next tick). */
  whenPlanned(callback: () => void): void {
    this.onPlanned = callback;
  }

  /** The groups a campaign can go to: the Slack user groups and Teams teams the bot keeps members of. */
  groups(): Promise<DirectoryGroup[]> {
    return this.deps.prisma.directoryGroup.findMany({ where: { channel: { in: [...this.deps.channels] } }, orderBy: [{ channel: "asc" }, { name: "asc" }] });
  }

  /** Whether this campaign can start, answered before the start itself (which can take a while): null if it can. */
  async check(by: Actor, raw: unknown): Promise<Exclude<StartResult, { kind: "started" }> | null> {
    const checked = await this.validate(by, raw);
    return checked.kind === "ok" ? null : checked;
  }

  private async validate(by: Actor, raw: unknown) {
    const { prisma, clock, policies } = this.deps;
    if (!(await this.deps.roles.has(by, "owner"))) return { kind: "forbidden" as const, message: ONLY_OWNERS_PUBLISH };
    const parsed = parseCampaignForm(raw, clock.now(), this.deps.zone);
    if (!parsed.ok) return { kind: "invalid" as const, errors: parsed.errors };
    const { versionId: subject, audience } = parsed.input;
    const version = subject.kind === "document" ? await policies.version(subject.versionId) : null;
    const module = subject.kind === "module" ? this.deps.training.module(subject.moduleId, subject.version) : undefined;
    if (!version && !module) return { kind: "invalid" as const, errors: { versionId: "That document is no longer there; choose another" } };
    if (audience.audience === "assigned" && !module) return { kind: "invalid" as const, errors: { audience: "Only a training module is assigned by its own rules; choose who must accept the document" } };
    const label = await this.audienceLabel(audience);
    if (label === null) {
      const errors: Partial<Record<CampaignField, string>> =
        audience.audience === "system" ? { systemId: "That AI system is not in the register; choose another" } : { audience: "That group is no longer known to the bot; choose another" };
      return { kind: "invalid" as const, errors };
    }
    const filter = await this.filterOf({ ...audienceColumns(audience), moduleId: module?.id ?? null, moduleVersion: module?.version ?? null });
    if ((await audienceSize(prisma, filter, this.deps.channels)) === 0) {
      const message = `Nobody the bot can message is in ${label} yet: choose another audience, or wait until the bot knows them`;
      return { kind: "invalid" as const, errors: { [audience.audience === "system" ? "systemId" : "audience"]: message } as Partial<Record<CampaignField, string>> };
    }
    return { kind: "ok" as const, input: parsed.input, version, module, label };
  }

  async start(by: Actor, raw: unknown): Promise<StartResult> {
    const { prisma, clock, events } = this.deps;
    const checked = await this.validate(by, raw);
    if (checked.kind !== "ok") return checked;
    const { input, version, module, label } = checked;
    const { audience, deadline, newJoiners } = input;
    const controls = module ? TRAINING_CAMPAIGN_CONTROLS : CAMPAIGN_CONTROLS;
    const campaign = await prisma.$transaction(async (tx) => {
      const created = await tx.policyCampaign.create({
        data: {
          versionId: version?.id ?? null,
          moduleId: module?.id ?? null,
          moduleVersion: module?.version ?? null,
          moduleTitle: module?.title ?? null,
          ...audienceColumns(audience),
          audienceLabel: label,
          newJoiners,
          deadline,
          startedByChannel: by.channel,
          startedById: by.id,
          startedAt: clock.now(),
          controls: [...controls],
        },
      });
      await recordAudit(tx, clock, {
        actor: by,
        action: "campaign.started",
        entityType: "policy_campaign",
        entityId: created.id,
        after: version ? { ...created, document: version.document.title, version: version.version, sha256: version.sha256 } : created,
        controls,
      });
      await events.record(tx, "campaign.started", { campaign: created }, `campaign:${created.id}`);
      return created;
    });
    void events.deliverPending();
    await this.plan(campaign, version, false);
    const recipients = await prisma.campaignRecipient.count({ where: { campaignId: campaign.id } });
    this.onPlanned();
    return { kind: "started", campaign: withSubject({ ...campaign, version }), recipients };
  }

  /**
   * Plans what is left to plan: campaigns whose planning a crash or a restart cut short, and the new joiners of
   * campaigns that take them. Returns how many people were added. The scheduler runs it every tick.
   */
  async planPending(): Promise<number> {
    const { prisma, clock } = this.deps;
    const open = await prisma.policyCampaign.findMany({
      where: { closedAt: null, OR: [{ plannedAt: null }, { newJoiners: true, deadline: { gt: clock.now() } }] },
      include: { version: { include: { document: true } } },
      orderBy: { id: "asc" },
    });
    let added = 0;
    for (const campaign of open) added += await this.plan(campaign, campaign.version, campaign.plannedAt !== null);
    return added;
  }

  /** Someone arrived (Slack team_join, Teams installation): campaigns for new joiners reach them now. */
  async welcome(): Promise<number> {
    const added = await this.planPending();
    if (added > 0) this.onPlanned();
    return added;
  }

  /**
   * Campaigns past their deadline: one reminder to each person who has not accepted, sent at `notBefore` (the next
   * working hour). Returns how many reminders were added.
   */
  async remindLate(notBefore: (now: Date) => Date): Promise<number> {
    const { prisma, clock } = this.deps;
    const now = clock.now();
    const late = await prisma.policyCampaign.findMany({
      where: { closedAt: null, NOT: { plannedAt: null }, deadline: { lte: now } },
      include: { version: { include: { document: true } } },
    });
    let added = 0;
    for (const campaign of late) added += await remindLate(prisma, campaign, payloadOf(campaign, campaign.version, this.moduleOf(campaign)), notBefore(now), now);
    return added;
  }

  private async plan(campaign: PolicyCampaign, version: VersionWithDocument | null, late: boolean): Promise<number> {
    const { prisma, clock } = this.deps;
    const payload = payloadOf(campaign, version, this.moduleOf(campaign));
    const filter = await this.filterOf(campaign);
    const { added } = await planCampaign(prisma, campaign, { filter, channels: this.deps.channels, payload, now: clock.now(), late });
    if (!campaign.plannedAt) await prisma.policyCampaign.updateMany({ where: { id: campaign.id, plannedAt: null }, data: { plannedAt: clock.now() } });
    return added;
  }

  private moduleOf(campaign: PolicyCampaign): TrainingModule | undefined {
    return campaign.moduleId ? this.deps.training.module(campaign.moduleId, campaign.moduleVersion ?? 0) : undefined;
  }

  private async filterOf(campaign: Pick<PolicyCampaign, "audience" | "groupId" | "role" | "systemId" | "moduleId" | "moduleVersion">): Promise<AudienceFilter> {
    if (campaign.audience === "assigned") {
      const module = this.deps.training.module(campaign.moduleId ?? "", campaign.moduleVersion ?? 0);
      const accounts = module ? await this.deps.training.assignedAccounts(module) : [];
      return accounts === null ? { audience: "everyone" } : { audience: "assigned", accounts };
    }
    if (campaign.audience !== "role" || !campaign.role) return { audience: campaign.audience, groupId: campaign.groupId, systemId: campaign.systemId };
    const accounts: string[] = [];
    for (const channel of this.deps.channels) {
      for (const id of await this.deps.roles.members(campaign.role, channel)) accounts.push(`${channel}:${id}`);
    }
    return { audience: "role", accounts };
  }

  /** How people read an audience; null for a group the bot no longer knows or a system not in the register. */
  private async audienceLabel(choice: AudienceChoice): Promise<string | null> {
    if (choice.audience === "everyone") return "everyone the bot knows";
    if (choice.audience === "assigned") return "everyone the module is assigned to";
    if (choice.audience === "role") return `every ${ROLE_NAMES[choice.role]}`;
    if (choice.audience === "system") {
      const system = await this.deps.prisma.aiSystem.findUnique({ where: { id: choice.systemId } });
      return system ? `the people using ${system.name} (${system.reference})` : null;
    }
    const group = await this.deps.prisma.directoryGroup.findUnique({ where: { id: choice.groupId } });
    return group ? `${group.name} (${CHANNEL_NAMES[group.channel]} ${group.channel === "slack" ? "user group" : "team"})` : null;
  }

  /** The AI systems in the register whose users a campaign can go to: those with users recorded, by name. */
  systems(): Promise<AiSystem[]> {
    return this.deps.prisma.aiSystem.findMany({ where: { status: { not: "retired" }, users: { some: {} } }, orderBy: [{ name: "asc" }, { id: "asc" }] });
  }

  /** The person puts off their reminder of this campaign by a day or a week (see campaign-snooze.ts). */
  snoozeReminder(actor: Actor, campaignId: number, period: SnoozePeriod): Promise<CampaignSnoozeResult> {
    const payload = async (id: number) => {
      const campaign = await this.deps.prisma.policyCampaign.findUnique({ where: { id }, include: { version: { include: { document: true } } } });
      return campaign && payloadOf(campaign, campaign.version, this.moduleOf(campaign));
    };
    return snoozeCampaignReminder(this.deps, actor, campaignId, period, payload);
  }

  /** Every campaign, newest first, with its figures. */
  async progress(): Promise<CampaignProgress[]> {
    const { prisma, clock } = this.deps;
    const campaigns = await prisma.policyCampaign.findMany({ orderBy: { id: "desc" }, take: 20, include: { version: { include: { document: true } } } });
    const now = clock.now();
    const result: CampaignProgress[] = [];
    for (const campaign of campaigns) {
      const rows = await prisma.$queryRaw<{ channel: ChatChannel; recipients: number; accepted: number }[]>`
        SELECT r."channel", count(*)::int AS "recipients",
               count(*) FILTER (WHERE ${DONE})::int AS "accepted"
          FROM "CampaignRecipient" r JOIN "PolicyCampaign" c ON c."id" = r."campaignId"
         WHERE r."campaignId" = ${campaign.id}
         GROUP BY r."channel" ORDER BY r."channel"`;
      const [deliveries] = await prisma.$queryRaw<{ sent: number; failed: number }[]>`
        SELECT count(*) FILTER (WHERE "status" = 'sent')::int AS "sent", count(*) FILTER (WHERE "status" = 'failed')::int AS "failed"
          FROM "ScheduledDelivery" WHERE "occurrenceKey" = ${`campaign:${campaign.id}`}`;
      const recipients = rows.reduce((sum, row) => sum + row.recipients, 0);
      const accepted = rows.reduce((sum, row) => sum + row.accepted, 0);
      result.push({
        campaign: withSubject(campaign),
        recipients,
        accepted,
        overdue: campaign.deadline < now ? recipients - accepted : 0,
        sent: deliveries?.sent ?? 0,
        failed: deliveries?.failed ?? 0,
        byChannel: rows,
      });
    }
    return result;
  }

  /** The campaign's recipients who have not accepted, first `limit` by name. */
  async notAccepted(campaign: Pick<PolicyCampaign, "id">, limit = 20): Promise<OverduePerson[]> {
    return this.deps.prisma.$queryRaw<OverduePerson[]>`
      SELECT r."channel", r."externalId" AS "id", ci."name"
        FROM "CampaignRecipient" r JOIN "PolicyCampaign" c ON c."id" = r."campaignId"
        LEFT JOIN "ChatIdentity" ci ON ci."channel" = r."channel" AND ci."externalId" = r."externalId"
       WHERE r."campaignId" = ${campaign.id}
         AND NOT ${DONE}
       ORDER BY ci."name" NULLS LAST, r."externalId"
       LIMIT ${limit}`;
  }

  /** The campaigns this person (any of their accounts) has still to accept. */
  async pendingFor(actor: Pick<Actor, "channel" | "id">): Promise<PendingCampaign[]> {
    const identity = await this.deps.directory.identity(actor);
    if (!identity) return [];
    const recipients = await this.deps.prisma.campaignRecipient.findMany({
      where: { personId: identity.personId, campaign: { closedAt: null } },
      include: { campaign: { include: { version: { include: { document: true } } } } },
      orderBy: { campaignId: "asc" },
    });
    const pending: PendingCampaign[] = [];
    for (const { campaign } of recipients) {
      // Training campaigns are listed by /aims training.
      if (!campaign.version) continue;
      const accepted = await this.deps.prisma.policyAcknowledgement.count({ where: { versionId: campaign.version.id, personId: identity.personId } });
      if (accepted === 0) pending.push({ campaign, version: campaign.version });
    }
    return pending;
  }
}

/** The campaign's columns naming its audience. */
function audienceColumns(choice: AudienceChoice): Pick<PolicyCampaign, "audience" | "groupId" | "role" | "systemId"> {
  return {
    audience: choice.audience,
    groupId: choice.audience === "group" ? choice.groupId : null,
    role: choice.audience === "role" ? choice.role : null,
    systemId: choice.audience === "system" ? choice.systemId : null,
  };
}

/** What each person's message about the campaign says. */
function payloadOf(campaign: PolicyCampaign, version: VersionWithDocument | null, module: TrainingModule | undefined): CampaignInvitationPayload {
  const common = { type: "campaign" as const, campaignId: campaign.id, deadline: campaign.deadline.toISOString() };
  if (version) return { ...common, versionId: version.id, title: version.document.title, version: version.version, summary: version.summary };
  return { ...common, moduleId: campaign.moduleId ?? "", title: campaign.moduleTitle ?? "", version: campaign.moduleVersion ?? 0, summary: module?.summary ?? "" };
}
