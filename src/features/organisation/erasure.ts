import { randomBytes } from "node:crypto";
import type { Actor } from "../../core/actor.js";
import { recordAudit } from "../../core/audit.js";
import { ERASED_FIELDS_KEY } from "../../core/personal-fields.js";
import type { Clock } from "../../core/clock.js";
import type { FieldErrors } from "../../core/form-fields.js";
import type { Roles } from "../../core/roles.js";
import type { Tx } from "../../core/transaction.js";
import type { Prisma } from "../../db/database.js";
import type { ChatIdentity } from "../../db/generated/client.js";
import { eraseAuditFields, type AuditErasureReport } from "../audit-trail/erase-audit-fields.js";
import { PEOPLE_CONTROLS, ROLE_CONTROLS } from "./controls.js";
import { parseErasureForm, type RawErasureForm } from "./erasure-form.js";
import { identityKey } from "./identity-key.js";
import { anyoneHolds, grantInEffect } from "./role-holders.js";

/** Disposition of documented information (ISO 42001 7.5.3), the people behind the roles (5.3, A.3.2). */
export const ERASURE_CONTROLS = ["7.5.3", ...PEOPLE_CONTROLS] as const;

export type ErasureResult =
  | { kind: "erased"; pseudonym: string; records: number; auditEvents: AuditErasureReport; rolesEnded: number }
  | { kind: "forbidden"; message: string }
  | { kind: "refused"; message: string }
  | { kind: "invalid"; errors: FieldErrors<keyof RawErasureForm> };

/**
 * Where records name a person: the name is replaced by the pseudonym; the channel and id stay, as the evidence of who
 * asked, decided, signed off or reported (segregation of duties, A.3.2, A.6.2.5, A.8.4), now of a pseudonymous
 * person. Table and column names are constants, never input.
 */
export const NAMED_FIELDS = [
  { table: "AiToolRequest", channel: "requesterChannel", id: "requesterId", name: "requesterName" },
  { table: "RequestDecision", channel: "deciderChannel", id: "deciderId", name: "deciderName" },
  { table: "RequestStageDecision", channel: "deciderChannel", id: "deciderId", name: "deciderName" },
  { table: "RequestDecision", channel: "onBehalfOfChannel", id: "onBehalfOfId", name: "onBehalfOfName" },
  { table: "RequestStageDecision", channel: "onBehalfOfChannel", id: "onBehalfOfId", name: "onBehalfOfName" },
  { table: "Delegation", channel: "delegatorChannel", id: "delegatorId", name: "delegatorName" },
  { table: "Delegation", channel: "delegateChannel", id: "delegateId", name: "delegateName" },
  { table: "AiSystem", channel: "ownerChannel", id: "ownerId", name: "ownerName" },
  { table: "AiSystemUser", channel: "channel", id: "externalId", name: "name" },
  { table: "ImpactAssessment", channel: "assessorChannel", id: "assessorId", name: "assessorName" },
  { table: "ImpactAssessment", channel: "reviewerChannel", id: "reviewerId", name: "reviewerName" },
  { table: "Concern", channel: "reporterChannel", id: "reporterId", name: "reporterName" },
  { table: "Concern", channel: "assigneeChannel", id: "assigneeId", name: "assigneeName" },
  { table: "ConcernMessage", channel: "authorChannel", id: "authorId", name: "authorName" },
  { table: "Incident", channel: "reporterChannel", id: "reporterId", name: "reporterName" },
  { table: "IncidentTimelineEntry", channel: "authorChannel", id: "authorId", name: "authorName" },
  { table: "CorrectiveAction", channel: "ownerChannel", id: "ownerId", name: "ownerName" },
  { table: "ExternalReportDecision", channel: "deciderChannel", id: "deciderId", name: "deciderName" },
  { table: "Nonconformity", channel: "ownerChannel", id: "ownerId", name: "ownerName" },
  { table: "Nonconformity", channel: "raisedByChannel", id: "raisedById", name: "raisedByName" },
  { table: "EffectivenessCheck", channel: "checkerChannel", id: "checkerId", name: "checkerName" },
  { table: "Improvement", channel: "raisedByChannel", id: "raisedById", name: "raisedByName" },
  { table: "Objective", channel: "ownerChannel", id: "ownerId", name: "ownerName" },
  { table: "ReviewSchedule", channel: "ownerChannel", id: "ownerId", name: "ownerName" },
  { table: "InternalAudit", channel: "auditorChannel", id: "auditorId", name: "auditorName" },
  { table: "ManagementReview", channel: "organiserChannel", id: "organiserId", name: "organiserName" },
  { table: "ManagementReview", channel: "closedByChannel", id: "closedById", name: "closedByName" },
  { table: "ManagementReviewDecision", channel: "decidedByChannel", id: "decidedById", name: "decidedByName" },
  { table: "ManagementReviewAction", channel: "ownerChannel", id: "ownerId", name: "ownerName" },
  { table: "LinkAnswerMute", channel: "channel", id: "mutedById", name: "mutedByName" },
  { table: "Vendor", channel: "ownerChannel", id: "ownerId", name: "ownerName" },
] as const;

/** Lists of people kept as JSON ([{ channel, id, name }]): a management review's reviewers and who got its inputs. */
export const NAMED_LISTS = [
  { table: "ManagementReview", column: "reviewers" },
  { table: "ManagementReview", column: "participants" },
] as const;

export const ERASURE_ONLY_OWNERS = "Only the AIMS owners can erase a person's data.";
const EMAIL = /[^\s@]+@[^\s@]+/;

/**
 * Erases a leaver's personal data on request (GDPR Art. 17) where the law and ISO evidence allow: the person gets a
 * pseudonym, records keep their ids and lose names and emails, the person's audit events lose their personal fields
 * (the chain still verifies), their roles end. One transaction; the erasure is audited without the erased data.
 */
export class ErasureService {
  constructor(private readonly deps: { prisma: Prisma; clock: Clock; roles: Roles }) {}

  async erase(by: Actor, raw: RawErasureForm): Promise<ErasureResult> {
    if (!(await this.deps.roles.has(by, "owner"))) return { kind: "forbidden", message: ERASURE_ONLY_OWNERS };
    const form = parseErasureForm(raw);
    if (!form.ok) return { kind: "invalid", errors: form.errors };
    const { reason } = form.input;
    const found = await this.findPerson(form.input.person);
    if (!found) return { kind: "invalid", errors: { person: "The bot holds nothing about this account or email." } };
    const person = await this.deps.prisma.person.findUniqueOrThrow({ where: { id: found.personId } });
    if (person.erasedAt) {
      return { kind: "refused", message: `This person's data was already erased on ${person.erasedAt.toISOString().slice(0, 10)}; they are now "${person.pseudonym}".` };
    }
    try {
      return await this.deps.prisma.$transaction((tx) => this.eraseIn(tx, by, person.id, reason), { timeout: 120_000 });
    } catch (error) {
      if (error instanceof Refusal) return { kind: "refused", message: error.message };
      throw error;
    }
  }

  /** An account as a form names it: "slack:U123" / "teams:<aad id>", a bare id on either channel, or an email. */
  private async findPerson(text: string): Promise<ChatIdentity | null> {
    const { prisma } = this.deps;
    if (EMAIL.test(text)) {
      const email = text.toLowerCase();
      return prisma.chatIdentity.findFirst({ where: { OR: [{ email }, { person: { email } }] }, orderBy: { linkedAt: "asc" } });
    }
    const [channel, id] = text.includes(":") ? text.split(/:(.*)/s, 2) : [undefined, text];
    if (channel !== undefined && channel !== "slack" && channel !== "teams") return null;
    return prisma.chatIdentity.findFirst({ where: { externalId: id, ...(channel ? { channel } : {}) }, orderBy: { channel: "asc" } });
  }

  private async eraseIn(tx: Tx, by: Actor, personId: string, reason: string): Promise<ErasureResult> {
    const now = this.deps.clock.now();
    // The owner role's lock (as role changes take it): two owners erasing each other cannot leave the AIMS ownerless.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${"aims-role:owner"}))`;
    const identities = await tx.chatIdentity.findMany({ where: { personId } });
    const keys = identities.map((identity) => identityKey({ channel: identity.channel, id: identity.externalId }));
    await refuseOpenIncidents(tx, keys);
    const rolesEnded = await this.endGrants(tx, by, personId, now);
    if (!(await anyoneHolds(tx, "owner", now))) {
      throw new Refusal("This person is the last AIMS owner: grant the role to someone else first, then erase.");
    }

    const pseudonym = await newPseudonym(tx);
    const teamsIds = identities.filter((identity) => identity.channel === "teams").map((identity) => identity.externalId);
    const teamsUsers = await tx.teamsUser.findMany({ where: { aadObjectId: { in: teamsIds } }, select: { name: true } });
    const names = new Set<string>([...identities, ...teamsUsers].flatMap((holder) => (holder.name ? [holder.name] : [])));
    const person = await tx.person.findUniqueOrThrow({ where: { id: personId } });
    const emails = new Set([person.email, ...identities.map((identity) => identity.email)].filter((email): email is string => !!email));

    let records = 0;
    for (const field of NAMED_FIELDS) {
      const where = `("${field.channel}"::text || ':' || "${field.id}") = ANY($1::text[]) AND "${field.name}" IS NOT NULL`;
      const held = await tx.$queryRawUnsafe<{ name: string }[]>(`SELECT DISTINCT "${field.name}" AS name FROM "${field.table}" WHERE ${where}`, keys);
      for (const { name } of held) names.add(name);
      records += await tx.$executeRawUnsafe(`UPDATE "${field.table}" SET "${field.name}" = $2 WHERE ${where}`, keys, pseudonym);
    }
    for (const list of NAMED_LISTS) {
      const named = `jsonb_path_exists("${list.column}", '$[*] ? (@.name != null)') AND EXISTS (SELECT 1 FROM jsonb_array_elements("${list.column}") e WHERE (e->>'channel') || ':' || (e->>'id') = ANY($1::text[]))`;
      const held = await tx.$queryRawUnsafe<{ name: string }[]>(
        `SELECT DISTINCT e->>'name' AS name FROM "${list.table}", jsonb_array_elements("${list.column}") e WHERE jsonb_typeof("${list.column}") = 'array' AND (e->>'channel') || ':' || (e->>'id') = ANY($1::text[]) AND e->>'name' IS NOT NULL`,
        keys,
      );
      for (const { name } of held) names.add(name);
      records += await tx.$executeRawUnsafe(
        `UPDATE "${list.table}" SET "${list.column}" = (SELECT jsonb_agg(CASE WHEN (e->>'channel') || ':' || (e->>'id') = ANY($1::text[]) THEN e || jsonb_build_object('name', $2::text) ELSE e END ORDER BY n) FROM jsonb_array_elements("${list.column}") WITH ORDINALITY AS x(e, n)) WHERE jsonb_typeof("${list.column}") = 'array' AND ${named}`,
        keys,
        pseudonym,
      );
    }
    records += (await tx.teamsUser.updateMany({ where: { aadObjectId: { in: teamsIds } }, data: { name: pseudonym } })).count;
    for (const identity of identities) {
      await tx.chatIdentity.update({
        where: { channel_externalId: { channel: identity.channel, externalId: identity.externalId } },
        data: { name: pseudonym, email: null, linkReason: replaceEmails(identity.linkReason, emails, pseudonym) },
      });
    }
    records += identities.length;
    await tx.person.update({ where: { id: personId }, data: { pseudonym, erasedAt: now, email: null } });

    const exact = new Set<string>([...keys, ...identities.map((identity) => identity.externalId), ...names, ...emails]);
    const auditEvents = await eraseAuditFields(tx, {
      eventIds: await auditEventsNaming(tx, keys, [...exact]),
      eraseActor: (actor) => actor.channel !== null && keys.includes(`${actor.channel}:${actor.id}`),
      replace: (value) => replacePerson(value, exact, emails, pseudonym),
    });
    await recordAudit(tx, this.deps.clock, {
      actor: by,
      action: "person.erased",
      entityType: "person",
      entityId: personId,
      after: { pseudonym, reason, records, auditEventsErased: auditEvents.erased, auditEventsKept: auditEvents.kept, rolesEnded, [ERASED_FIELDS_KEY]: auditEvents.fields },
      controls: ERASURE_CONTROLS,
    });
    return { kind: "erased", pseudonym, records, auditEvents, rolesEnded };
  }

  /** A leaver holds no role: every grant to the person ends, audited as a revocation. */
  private async endGrants(tx: Tx, by: Actor, personId: string, now: Date): Promise<number> {
    const grants = await tx.roleGrant.findMany({ where: { personId, ...grantInEffect(now) } });
    for (const grant of grants) {
      const after = await tx.roleGrant.update({
        where: { id: grant.id },
        data: { effectiveUntil: now, endedBy: identityKey(by), endReason: "personal data erased on request" },
      });
      await recordAudit(tx, this.deps.clock, { actor: by, action: "role.revoked", entityType: "role_grant", entityId: grant.id, before: grant, after, controls: ROLE_CONTROLS });
    }
    return grants.length;
  }
}

class Refusal extends Error {}

async function refuseOpenIncidents(tx: Tx, keys: readonly string[]): Promise<void> {
  const open = await tx.$queryRaw<{ reference: string }[]>`
    SELECT "reference" FROM "Incident"
     WHERE ("reporterChannel"::text || ':' || "reporterId") = ANY(${keys}::text[]) AND "status" <> 'closed' ORDER BY "id"`;
  if (open.length === 0) return;
  const list = open.map((incident) => incident.reference).join(", ");
  throw new Refusal(
    `Not erased: they reported ${list}, which ${open.length === 1 ? "is" : "are"} not closed yet. An open incident must name its reporter ` +
      "until it is closed (ISO 42001 A.8.4, 10.2). Close it, then erase.",
  );
}

/** "Former employee 7F3A": short enough to read, unique among people. */
async function newPseudonym(tx: Tx): Promise<string> {
  for (;;) {
    const pseudonym = `Former employee ${randomBytes(2).toString("hex").toUpperCase()}`;
    if (!(await tx.person.findFirst({ where: { pseudonym }, select: { id: true } }))) return pseudonym;
  }
}

/** Audit events the person acted in, or whose snapshots hold one of their ids, names or emails (a coarse text match). */
async function auditEventsNaming(tx: Tx, keys: readonly string[], needles: readonly string[]): Promise<number[]> {
  const rows = await tx.$queryRaw<{ id: number }[]>`
    SELECT "id" FROM "AuditEvent"
     WHERE ("actorChannel"::text || ':' || "actorId") = ANY(${keys}::text[])
        OR EXISTS (SELECT 1 FROM unnest(${needles}::text[]) AS n(needle)
                    WHERE strpos(coalesce("before"::text, '') || coalesce("after"::text, ''), n.needle) > 0)
     ORDER BY "id"`;
  return rows.map((row) => row.id);
}

function replaceEmails(text: string, emails: ReadonlySet<string>, pseudonym: string): string {
  let result = text;
  for (const email of emails) result = result.replaceAll(email, pseudonym);
  return result;
}

/** The value with every string that is one of the person's ids, names or emails replaced; undefined when none is. */
export function replacePerson(value: unknown, exact: ReadonlySet<string>, emails: ReadonlySet<string>, pseudonym: string): unknown {
  let changed = false;
  const walk = (item: unknown): unknown => {
    if (typeof item === "string") {
      const replaced = exact.has(item) ? pseudonym : replaceEmails(item, emails, pseudonym);
      if (replaced !== item) changed = true;
      return replaced;
    }
    if (Array.isArray(item)) return item.map(walk);
    if (item && typeof item === "object") return Object.fromEntries(Object.entries(item).map(([key, child]) => [key, walk(child)]));
    return item;
  };
  const result = walk(value);
  return changed ? result : undefined;
}
