import type { ChatChannel } from "../../core/actor.js";
import type { Prisma } from "../../db/database.js";
import type { AimsRole } from "../../core/roles.js";
import type { IdentityRef } from "./identity-key.js";

/** Records of each kind one answer lists; the audit pack has them all. */
export const RECORDS_SHOWN = 15;

/** A list cut to what one message can carry, with how many there are in all. */
export interface Listed<T> {
  items: T[];
  total: number;
}

/** `{ <prefix>Channel, <prefix>Id }` matching any of the accounts: how records name their people. */
export function byAccounts<P extends string>(prefix: P, accounts: readonly IdentityRef[]) {
  type Match = Record<`${P}Channel`, ChatChannel> & Record<`${P}Id`, string>;
  return { OR: accounts.map((account) => ({ [`${prefix}Channel`]: account.channel, [`${prefix}Id`]: account.id }) as Match) };
}

async function listed<T>(find: (take: number) => Promise<T[]>, count: () => Promise<number>): Promise<Listed<T>> {
  const [items, total] = await Promise.all([find(RECORDS_SHOWN), count()]);
  return { items, total };
}

/** One role a person held or holds, as the roles register records it. */
export interface RoleHolding {
  role: AimsRole;
  source: "environment" | "direct" | "group";
  /** The environment variable, or the group's name. */
  via: string | null;
  from: Date;
  until: Date | null;
  /** Who granted it: their name and "channel:id" when the bot knows the name; null for the environment. */
  grantedBy: string | null;
  reason: string;
  endedBy: string | null;
  endReason: string | null;
}

/**
 * Every role the person held, from the roles register: grants to the person, and bound groups one of their accounts was
 * in (from the later of the grant and the membership to the earlier of their ends).
 */
export async function roleHistory(db: Prisma, personIds: readonly string[], accounts: readonly IdentityRef[]): Promise<RoleHolding[]> {
  const direct = await db.roleGrant.findMany({ where: { personId: { in: [...personIds] } }, orderBy: [{ effectiveFrom: "asc" }, { id: "asc" }] });
  const memberships = await db.groupMembership.findMany({
    where: { OR: accounts.map((account) => ({ channel: account.channel, externalId: account.id })) },
    include: { group: { include: { grants: true } } },
  });
  const holdings: RoleHolding[] = direct.map((grant) => ({
    role: grant.role,
    source: grant.source,
    via: grant.variable,
    from: grant.effectiveFrom,
    until: grant.effectiveUntil,
    grantedBy: grant.grantedBy,
    reason: grant.reason,
    endedBy: grant.endedBy,
    endReason: grant.endReason,
  }));
  for (const membership of memberships) {
    for (const grant of membership.group.grants) {
      const from = later(grant.effectiveFrom, membership.since);
      const until = earlier(grant.effectiveUntil, membership.until);
      if (until && until <= from) continue;
      const endedByGrant = grant.effectiveUntil !== null && until?.getTime() === grant.effectiveUntil.getTime();
      holdings.push({
        role: grant.role,
        source: "group",
        via: membership.group.name,
        from,
        until,
        grantedBy: grant.grantedBy,
        reason: grant.reason,
        endedBy: endedByGrant ? grant.endedBy : null,
        endReason: endedByGrant ? grant.endReason : until ? `left ${membership.group.name}` : null,
      });
    }
  }
  return withNames(db, holdings.sort((a, b) => a.from.getTime() - b.from.getTime()));
}

/** Grants name who granted and ended them as "channel:id"; people read the name the bot knows them by. */
async function withNames(db: Prisma, holdings: RoleHolding[]): Promise<RoleHolding[]> {
  const keys = [...new Set(holdings.flatMap((holding) => [holding.grantedBy, holding.endedBy]).filter((key): key is string => !!key))];
  const refs = keys.flatMap((key) => {
    const [channel, id] = key.split(":", 2);
    return channel === "slack" || channel === "teams" ? [{ channel: channel as ChatChannel, externalId: id! }] : [];
  });
  const known = refs.length > 0 ? await db.chatIdentity.findMany({ where: { OR: refs }, select: { channel: true, externalId: true, name: true } }) : [];
  const names = new Map(known.filter((identity) => identity.name).map((identity) => [`${identity.channel}:${identity.externalId}`, `${identity.name} (${identity.channel}:${identity.externalId})`]));
  const named = (key: string | null) => (key ? (names.get(key) ?? key) : null);
  return holdings.map((holding) => ({ ...holding, grantedBy: named(holding.grantedBy), endedBy: named(holding.endedBy) }));
}

const later = (a: Date, b: Date) => (a > b ? a : b);
const earlier = (a: Date | null, b: Date | null) => (a && b ? (a < b ? a : b) : (a ?? b));

/** Whether a holding is in effect at `at`. */
export const heldAt = (holding: RoleHolding, at: Date) => holding.from <= at && (!holding.until || holding.until > at);

export interface RequestLine {
  reference: string;
  toolName: string;
  status: string;
}

export function requestsBy(db: Prisma, accounts: readonly IdentityRef[], open: boolean): Promise<Listed<RequestLine>> {
  const where = { ...byAccounts("requester", accounts), ...(open ? { status: { in: ["pending" as const, "changes_requested" as const] } } : {}) };
  return listed(
    (take) => db.aiToolRequest.findMany({ where, orderBy: { id: "desc" }, take, select: { reference: true, toolName: true, status: true } }),
    () => db.aiToolRequest.count({ where }),
  );
}

export interface AssessmentLine {
  reference: string;
  status: string;
  subject: string;
}

export async function assessmentsBy(db: Prisma, accounts: readonly IdentityRef[], open: boolean): Promise<Listed<AssessmentLine>> {
  const where = { ...byAccounts("assessor", accounts), ...(open ? { status: { not: "signed_off" as const } } : {}) };
  const found = await listed(
    (take) =>
      db.impactAssessment.findMany({
        where,
        orderBy: { id: "desc" },
        take,
        select: { reference: true, status: true, aiSystem: { select: { name: true, reference: true } }, request: { select: { toolName: true, reference: true } } },
      }),
    () => db.impactAssessment.count({ where }),
  );
  return {
    total: found.total,
    items: found.items.map(({ reference, status, aiSystem, request }) => {
      const subject = aiSystem ?? (request ? { name: request.toolName, reference: request.reference } : null);
      return { reference, status, subject: subject ? `${subject.name} (${subject.reference})` : "" };
    }),
  };
}

export interface OwnedLine {
  reference: string;
  title: string;
  status: string | null;
  dueAt: Date | null;
}

export async function systemsOwnedBy(db: Prisma, accounts: readonly IdentityRef[]): Promise<Listed<OwnedLine>> {
  const where = { ...byAccounts("owner", accounts), status: { not: "retired" as const } };
  const found = await listed(
    (take) => db.aiSystem.findMany({ where, orderBy: { id: "asc" }, take, select: { reference: true, name: true, status: true, nextReviewAt: true } }),
    () => db.aiSystem.count({ where }),
  );
  return { total: found.total, items: found.items.map((system) => ({ reference: system.reference, title: system.name, status: system.status, dueAt: system.nextReviewAt })) };
}

export async function reviewsOwnedBy(db: Prisma, accounts: readonly IdentityRef[]): Promise<Listed<OwnedLine>> {
  const where = { ...byAccounts("owner", accounts), active: true };
  const found = await listed(
    (take) => db.reviewSchedule.findMany({ where, orderBy: { id: "asc" }, take, select: { reference: true, title: true, nextDueAt: true } }),
    () => db.reviewSchedule.count({ where }),
  );
  return { total: found.total, items: found.items.map((review) => ({ reference: review.reference, title: review.title, status: null, dueAt: review.nextDueAt })) };
}

/** Internal audits the person is the auditor of; `open`: planned or in progress only (9.2). */
export async function auditsBy(db: Prisma, accounts: readonly IdentityRef[], open: boolean): Promise<Listed<OwnedLine>> {
  const where = { ...byAccounts("auditor", accounts), ...(open ? { status: { not: "reported" as const } } : {}) };
  const found = await listed(
    (take) => db.internalAudit.findMany({ where, orderBy: { id: "desc" }, take, select: { reference: true, title: true, status: true, plannedStart: true } }),
    () => db.internalAudit.count({ where }),
  );
  return { total: found.total, items: found.items.map((audit) => ({ reference: audit.reference, title: audit.title, status: audit.status, dueAt: audit.plannedStart })) };
}

/** AI vendors the person is the internal owner of (A.10.2), with their next yearly review. */
export async function vendorsOwnedBy(db: Prisma, accounts: readonly IdentityRef[]): Promise<Listed<OwnedLine>> {
  const where = byAccounts("owner", accounts);
  const found = await listed(
    (take) => db.vendor.findMany({ where, orderBy: { id: "desc" }, take, select: { reference: true, name: true, status: true, nextReviewAt: true } }),
    () => db.vendor.count({ where }),
  );
  return { total: found.total, items: found.items.map((vendor) => ({ reference: vendor.reference, title: vendor.name, status: vendor.status, dueAt: vendor.nextReviewAt })) };
}

export async function objectivesOwnedBy(db: Prisma, accounts: readonly IdentityRef[]): Promise<Listed<OwnedLine>> {
  const where = byAccounts("owner", accounts);
  const found = await listed(
    (take) => db.objective.findMany({ where, orderBy: { id: "asc" }, take, select: { reference: true, title: true, progress: true, dueAt: true } }),
    () => db.objective.count({ where }),
  );
  return { total: found.total, items: found.items.map((objective) => ({ reference: objective.reference, title: objective.title, status: objective.progress, dueAt: objective.dueAt })) };
}

export async function correctiveActionsOwnedBy(db: Prisma, accounts: readonly IdentityRef[], open: boolean): Promise<Listed<OwnedLine>> {
  const where = { ...byAccounts("owner", accounts), ...(open ? { status: "open" as const } : {}) };
  const found = await listed(
    (take) =>
      db.correctiveAction.findMany({
        where,
        orderBy: { id: "asc" },
        take,
        select: { id: true, description: true, status: true, dueDate: true, incident: { select: { reference: true } }, nonconformity: { select: { reference: true } } },
      }),
    () => db.correctiveAction.count({ where }),
  );
  return {
    total: found.total,
    items: found.items.map((action) => ({ reference: `${action.incident?.reference ?? action.nonconformity?.reference} action ${action.id}`, title: action.description, status: action.status, dueAt: action.dueDate })),
  };
}

/** Nonconformities the person owns (10.2): all of them, or those not closed. */
export async function nonconformitiesOwnedBy(db: Prisma, accounts: readonly IdentityRef[], open: boolean): Promise<Listed<OwnedLine>> {
  const where = { ...byAccounts("owner", accounts), ...(open ? { status: { not: "closed" as const } } : {}) };
  const found = await listed(
    (take) => db.nonconformity.findMany({ where, orderBy: { id: "asc" }, take, select: { reference: true, description: true, status: true, checkDueAt: true } }),
    () => db.nonconformity.count({ where }),
  );
  return { total: found.total, items: found.items.map((nc) => ({ reference: nc.reference, title: nc.description, status: nc.status, dueAt: nc.checkDueAt })) };
}

/** Actions decided in management reviews (9.3.3) they own, as `MR-0001/A-3` (their reminder's item), due first. */
export async function reviewActionsOwnedBy(db: Prisma, accounts: readonly IdentityRef[], open: boolean): Promise<Listed<OwnedLine>> {
  const where = { ...byAccounts("owner", accounts), ...(open ? { status: "open" as const } : {}) };
  const found = await listed(
    (take) =>
      db.managementReviewAction.findMany({
        where,
        orderBy: [{ dueDate: "asc" }, { id: "asc" }],
        take,
        select: { id: true, description: true, status: true, dueDate: true, review: { select: { reference: true } } },
      }),
    () => db.managementReviewAction.count({ where }),
  );
  return { total: found.total, items: found.items.map((action) => ({ reference: `${action.review.reference}/A-${action.id}`, title: action.description, status: action.status, dueAt: action.dueDate })) };
}

export async function incidentsReportedBy(db: Prisma, accounts: readonly IdentityRef[]): Promise<Listed<OwnedLine>> {
  const where = byAccounts("reporter", accounts);
  const found = await listed(
    (take) => db.incident.findMany({ where, orderBy: { id: "desc" }, take, select: { reference: true, title: true, status: true } }),
    () => db.incident.count({ where }),
  );
  return { total: found.total, items: found.items.map((incident) => ({ ...incident, dueAt: null })) };
}

/** Named concerns only: an anonymous concern keeps no reporter, so nothing links it to anyone. */
export async function namedConcernsBy(db: Prisma, accounts: readonly IdentityRef[]): Promise<Listed<OwnedLine>> {
  const where = { anonymous: false, ...byAccounts("reporter", accounts) };
  const found = await listed(
    (take) => db.concern.findMany({ where, orderBy: { id: "desc" }, take, select: { reference: true, category: true, status: true } }),
    () => db.concern.count({ where }),
  );
  return { total: found.total, items: found.items.map((concern) => ({ reference: concern.reference, title: concern.category, status: concern.status, dueAt: null })) };
}

/** Concerns assigned to the person in triage that are not closed. */
export async function concernsAssignedTo(db: Prisma, accounts: readonly IdentityRef[]): Promise<Listed<OwnedLine>> {
  const where = { ...byAccounts("assignee", accounts), status: { in: ["received" as const, "acknowledged" as const, "investigating" as const] } };
  const found = await listed(
    (take) => db.concern.findMany({ where, orderBy: { id: "asc" }, take, select: { reference: true, category: true, status: true, resolveBy: true } }),
    () => db.concern.count({ where }),
  );
  return { total: found.total, items: found.items.map((concern) => ({ reference: concern.reference, title: concern.category, status: concern.status, dueAt: concern.resolveBy })) };
}

export interface ReminderLine {
  itemId: string;
  title: string;
  kind: string;
  channel: ChatChannel;
  sendAt: Date;
}

/** Reminders and escalations the scheduler has yet to send to the accounts. */
export async function remindersPendingFor(db: Prisma, accounts: readonly IdentityRef[]): Promise<Listed<ReminderLine>> {
  const where = {
    status: "pending" as const,
    kind: { in: ["reminder", "escalation"] },
    OR: accounts.map((account) => ({ channel: account.channel, recipientId: account.id })),
  };
  const found = await listed(
    (take) => db.scheduledDelivery.findMany({ where, orderBy: [{ notBefore: "asc" }, { id: "asc" }], take, select: { kind: true, channel: true, notBefore: true, payload: true } }),
    () => db.scheduledDelivery.count({ where }),
  );
  return {
    total: found.total,
    items: found.items.map((delivery) => {
      const item = (delivery.payload as { item?: { itemId?: string; title?: string } } | null)?.item;
      return { itemId: item?.itemId ?? "", title: item?.title ?? "", kind: delivery.kind, channel: delivery.channel, sendAt: delivery.notBefore };
    }),
  };
}

/** One document version the person accepted (ISO 42001 7.3): which, when, where, and the hash of the text. */
export interface AcknowledgementLine {
  title: string;
  version: number;
  acknowledgedAt: Date;
  channel: ChatChannel;
  sha256: string;
}

/** The documents the person accepted, newest first. */
export async function acknowledgementsBy(db: Prisma, personIds: readonly string[]): Promise<Listed<AcknowledgementLine>> {
  const where = { personId: { in: [...personIds] } };
  const found = await listed(
    (take) =>
      db.policyAcknowledgement.findMany({
        where,
        orderBy: [{ acknowledgedAt: "desc" }, { id: "desc" }],
        take,
        include: { version: { select: { version: true, document: { select: { title: true } } } } },
      }),
    () => db.policyAcknowledgement.count({ where }),
  );
  return {
    total: found.total,
    items: found.items.map((row) => ({ title: row.version.document.title, version: row.version.version, acknowledgedAt: row.acknowledgedAt, channel: row.channel, sha256: row.sha256 })),
  };
}
