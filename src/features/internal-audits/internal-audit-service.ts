import type { Actor } from "../../core/actor.js";
import { recordAudit } from "../../core/audit.js";
import type { Clock } from "../../core/clock.js";
import type { EventBus } from "../../core/events.js";
import { nextReference } from "../../core/references.js";
import type { Roles } from "../../core/roles.js";
import type { Tx } from "../../core/transaction.js";
import type { Prisma } from "../../db/database.js";
import type { AuditFinding, InternalAudit } from "../../db/generated/client.js";
import { countRecordsByControl } from "../evidence/evidence-query.js";
import { auditFindingSourceRef } from "../nonconformities/audit-finding-nonconformities.js";
import { checkSources } from "../evidence/evidence-counts.js";
import type { PeopleNames } from "../people/people-names.js";
import { type ScopeItem, scopeItem } from "./audit-scope.js";
import { independenceRefusal } from "./auditor-independence.js";
import { AUDIT_FINDING_CONTROLS, INTERNAL_AUDIT_CONTROLS } from "./controls.js";
import "./internal-audit-events.js";
import { type AuditPlanErrors, type FindingErrors, NONCONFORMITY_KINDS, parseAuditPlan, parseFinding } from "./internal-audit-form.js";

export type AuditWithFindings = InternalAudit & { findings: AuditFinding[] };

/** One line of an audit's checklist: the item, the evidence the bot holds for it, and the finding once recorded. */
export interface ChecklistItem {
  item: ScopeItem;
  /** Records per kind of evidence that name this clause or control (as the SoA counts them). */
  evidence: { title: string; count: number }[];
  finding: AuditFinding | null;
  /** The nonconformity (10.2) a minor or major nonconformity found on this item raised, once raised. */
  nonconformity?: string;
}

export type PlanResult = { kind: "planned"; audit: InternalAudit } | { kind: "invalid"; errors: AuditPlanErrors } | { kind: "forbidden"; message: string };
export type ChangeResult = { kind: "changed"; audit: InternalAudit } | { kind: "refused" | "not_found" | "forbidden"; message: string };
export type FindingResult =
  | { kind: "recorded"; audit: InternalAudit; finding: AuditFinding }
  | { kind: "invalid"; errors: FindingErrors }
  | { kind: "refused" | "not_found" | "forbidden"; message: string };

const STATUS_WORDS: Record<InternalAudit["status"], string> = { planned: "planned", in_progress: "in progress", reported: "reported" };

/** The internal audit programme (ISO 42001 9.2): planned audits, their checklists, findings and reports. */
export class InternalAuditService {
  constructor(private readonly deps: { prisma: Prisma; clock: Clock; roles: Roles; events: EventBus; people: PeopleNames }) {}

  /** Planning audits is for AIMS owners (9.2.2: the organisation plans its audit programme). */
  async planRefusal(actor: Pick<Actor, "channel" | "id">): Promise<string | null> {
    return (await this.deps.roles.has(actor, "owner")) ? null : "Only AIMS owners can plan internal audits.";
  }

  /** The programme: every audit, the next planned first, then those in progress, then the reported. */
  async programme(): Promise<(InternalAudit & { findingCount: number })[]> {
    const rows = await this.deps.prisma.internalAudit.findMany({ orderBy: [{ plannedStart: "asc" }, { id: "asc" }], include: { _count: { select: { findings: true } } } });
    const audits = rows.map(({ _count, ...audit }) => ({ ...audit, findingCount: _count.findings }));
    const rank = { in_progress: 0, planned: 1, reported: 2 } as const;
    const named = await this.withAuditorNames(audits);
    // In progress, then planned (soonest first), then reported (latest first).
    return named.sort((a, b) => rank[a.status] - rank[b.status] || (a.status === "reported" ? b.plannedStart.getTime() - a.plannedStart.getTime() : 0));
  }

  async details(reference: string): Promise<AuditWithFindings | null> {
    const audit = await this.deps.prisma.internalAudit.findUnique({ where: { reference }, include: { findings: { orderBy: { id: "asc" } } } });
    if (!audit) return null;
    const [named] = await this.withAuditorNames([audit]);
    return named!;
  }

  /** The checklist of an audit: one item per clause or control in scope, with the evidence held and any finding. */
  async checklist(audit: AuditWithFindings): Promise<ChecklistItem[]> {
    const { available } = await checkSources(this.deps.prisma);
    const perSource: { title: string; counts: Map<string, number> }[] = [];
    for (const source of available) perSource.push({ title: source.title, counts: await countRecordsByControl(this.deps.prisma, [source]) });
    const raised = await this.deps.prisma.nonconformity.findMany({
      where: { sourceKind: "audit_finding", sourceRef: { in: audit.scope.map((id) => auditFindingSourceRef(audit.reference, id)) } },
      select: { reference: true, sourceRef: true },
    });
    return audit.scope.flatMap((id) => {
      const item = scopeItem(id);
      if (!item) return [];
      const evidence = perSource.flatMap(({ title, counts }) => ((counts.get(id) ?? 0) > 0 ? [{ title, count: counts.get(id)! }] : []));
      const nonconformity = raised.find((nc) => nc.sourceRef === auditFindingSourceRef(audit.reference, id))?.reference;
      return [{ item, evidence, finding: audit.findings.find((finding) => finding.item === id) ?? null, ...(nonconformity ? { nonconformity } : {}) }];
    });
  }

  /** Plans an audit (AIMS owners); the auditor must be independent of the scope (see auditor-independence.ts). */
  async plan(actor: Actor, raw: Record<string, unknown>): Promise<PlanResult> {
    const refusal = await this.planRefusal(actor);
    if (refusal) return { kind: "forbidden", message: refusal };
    const { prisma, clock, roles, events } = this.deps;
    const parsed = parseAuditPlan(raw, clock.now());
    if (!parsed.ok) return { kind: "invalid", errors: parsed.errors };
    const input = parsed.input;
    const auditor = await this.deps.people.person(actor.channel, input.auditorId);
    return prisma.$transaction(async (tx): Promise<PlanResult> => {
      const notIndependent = await independenceRefusal(tx, roles, auditor, input.scope);
      if (notIndependent) return { kind: "invalid", errors: { auditorId: notIndependent } };
      const audit = await tx.internalAudit.create({
        data: {
          reference: await nextReference(tx, "AUD"),
          title: input.title,
          scope: input.scope,
          auditorChannel: auditor.channel,
          auditorId: auditor.id,
          auditorName: auditor.name ?? null,
          plannedStart: input.plannedStart,
          plannedEnd: input.plannedEnd,
          plannedByChannel: actor.channel,
          plannedById: actor.id,
          controls: [...INTERNAL_AUDIT_CONTROLS],
          createdAt: clock.now(),
        },
      });
      await recordAudit(tx, clock, { actor, action: "internal_audit.planned", entityType: "internal_audit", entityId: audit.reference, after: audit, controls: audit.controls });
      await events.record(tx, "internal_audit.changed", { audit, change: "planned" }, audit.reference);
      return { kind: "planned", audit };
    }).finally(() => void events.deliverPending());
  }

  /** The auditor starts the audit: planned → in progress (also Mark done on the reminder of its start date). */
  start(actor: Actor, reference: string): Promise<ChangeResult> {
    return this.inTransaction((tx) => this.startIn(tx, actor, reference));
  }

  async startIn(tx: Tx, actor: Actor, reference: string): Promise<ChangeResult> {
    const before = await tx.internalAudit.findUnique({ where: { reference } });
    if (!before) return notFound(reference);
    const refusal = (await this.auditorRefusal(tx, actor, before)) ?? (before.status !== "planned" ? `${reference} is already ${STATUS_WORDS[before.status]}.` : null);
    if (refusal) return { kind: "refused", message: refusal };
    const notIndependent = await independenceRefusal(tx, this.deps.roles, actor, before.scope);
    if (notIndependent) return { kind: "refused", message: notIndependent };
    const { count } = await tx.internalAudit.updateMany({ where: { id: before.id, status: "planned" }, data: { status: "in_progress", startedAt: this.deps.clock.now() } });
    if (count !== 1) return { kind: "refused", message: `${reference} has just changed; look at it again.` };
    return this.changed(tx, actor, before, "started");
  }

  /** Hands a planned or running audit to another auditor, who must be independent of its scope (AIMS owners or the auditor). */
  async reassignIn(tx: Tx, actor: Actor, reference: string, to: Actor): Promise<ChangeResult> {
    const before = await tx.internalAudit.findUnique({ where: { reference } });
    if (!before) return notFound(reference);
    const isAuditor = await this.deps.roles.samePerson(actor, auditorOf(before), tx);
    if (!isAuditor && !(await this.deps.roles.has(actor, "owner", tx))) return { kind: "forbidden", message: `Only the auditor of ${reference} or an AIMS owner can hand it to someone else.` };
    if (before.status === "reported") return { kind: "refused", message: `${reference} is reported, so its record is final.` };
    const notIndependent = await independenceRefusal(tx, this.deps.roles, to, before.scope);
    if (notIndependent) return { kind: "refused", message: notIndependent };
    const { count } = await tx.internalAudit.updateMany({
      where: { id: before.id, status: before.status, auditorChannel: before.auditorChannel, auditorId: before.auditorId },
      data: { auditorChannel: to.channel, auditorId: to.id, auditorName: to.name ?? null },
    });
    if (count !== 1) return { kind: "refused", message: `${reference} has just changed; look at it again.` };
    return this.changed(tx, actor, before, "reassigned");
  }

  /** The auditor records (or, until the report, revises) the finding on one checklist item. */
  async recordFinding(actor: Actor, reference: string, item: string, raw: Record<string, unknown>): Promise<FindingResult> {
    const parsed = parseFinding(raw);
    const { prisma, clock, events } = this.deps;
    return prisma.$transaction(async (tx): Promise<FindingResult> => {
      const audit = await tx.internalAudit.findUnique({ where: { reference } });
      if (!audit) return notFound(reference);
      const refusal = await this.auditorRefusal(tx, actor, audit);
      if (refusal) return { kind: "forbidden", message: refusal };
      if (!audit.scope.includes(item)) return { kind: "not_found", message: `${item} is not in the scope of ${reference}.` };
      if (audit.status === "planned") return { kind: "refused", message: `${reference} has not started yet: start it before recording findings.` };
      if (audit.status === "reported") return { kind: "refused", message: `${reference} is reported, so its findings are final.` };
      if (!parsed.ok) return { kind: "invalid", errors: parsed.errors };
      const { kind, note, evidenceLinks } = parsed.input;
      // The audit row is the guard: it must still be in progress as this finding is written (a report waits for it).
      const { count } = await tx.internalAudit.updateMany({ where: { id: audit.id, status: "in_progress" }, data: { updatedAt: clock.now() } });
      if (count !== 1) return { kind: "refused", message: `${reference} is reported, so its findings are final.` };
      const before = await tx.auditFinding.findUnique({ where: { auditId_item: { auditId: audit.id, item } } });
      const fields = { kind, note, evidenceLinks, recordedByChannel: actor.channel, recordedById: actor.id, recordedAt: clock.now(), controls: [...AUDIT_FINDING_CONTROLS] };
      const finding = before
        ? await tx.auditFinding.update({ where: { id: before.id }, data: fields })
        : await tx.auditFinding.create({ data: { auditId: audit.id, item, ...fields } });
      await recordAudit(tx, clock, {
        actor,
        action: before ? "audit_finding.revised" : "audit_finding.recorded",
        entityType: "audit_finding",
        entityId: `${reference} ${item}`,
        before,
        after: finding,
        controls: finding.controls,
      });
      if (NONCONFORMITY_KINDS.includes(kind)) {
        await events.record(tx, "audit.finding.recorded", { findingId: finding.id, auditReference: reference, item, kind, text: note }, `${reference} ${item}`);
      }
      return { kind: "recorded", audit, finding };
    }).finally(() => void events.deliverPending());
  }

  /** The auditor reports the audit: in progress → reported, once every checklist item has a finding. */
  report(actor: Actor, reference: string): Promise<ChangeResult> {
    return this.inTransaction(async (tx) => {
      const before = await tx.internalAudit.findUnique({ where: { reference }, include: { findings: { select: { item: true } } } });
      if (!before) return notFound(reference);
      const refusal = await this.auditorRefusal(tx, actor, before);
      if (refusal) return { kind: "forbidden", message: refusal };
      if (before.status !== "in_progress") return { kind: "refused", message: before.status === "planned" ? `${reference} has not started yet.` : `${reference} is already reported.` };
      const done = new Set(before.findings.map((finding) => finding.item));
      const open = before.scope.filter((item) => !done.has(item));
      if (open.length > 0) return { kind: "refused", message: `${reference} cannot be reported yet: record a finding on ${open.join(", ")} first.` };
      const { count } = await tx.internalAudit.updateMany({ where: { id: before.id, status: "in_progress" }, data: { status: "reported", reportedAt: this.deps.clock.now() } });
      if (count !== 1) return { kind: "refused", message: `${reference} has just changed; look at it again.` };
      const { findings: _, ...audit } = before;
      return this.changed(tx, actor, audit, "reported");
    });
  }

  /** Why this person may not record a finding on this audit now, or null; the save checks again. */
  async findingRefusal(actor: Actor, audit: InternalAudit): Promise<string | null> {
    if (!(await this.deps.roles.samePerson(actor, auditorOf(audit)))) return `Only the auditor of ${audit.reference} can do that.`;
    if (audit.status === "planned") return `${audit.reference} has not started yet: start it before recording findings.`;
    return audit.status === "reported" ? `${audit.reference} is reported, so its findings are final.` : null;
  }

  private async auditorRefusal(tx: Tx, actor: Actor, audit: InternalAudit): Promise<string | null> {
    return (await this.deps.roles.samePerson(actor, auditorOf(audit), tx)) ? null : `Only the auditor of ${audit.reference} can do that.`;
  }

  private async changed(tx: Tx, actor: Actor, before: InternalAudit, change: "started" | "reassigned" | "reported"): Promise<ChangeResult> {
    const audit = await tx.internalAudit.findUniqueOrThrow({ where: { id: before.id } });
    await recordAudit(tx, this.deps.clock, { actor, action: `internal_audit.${change}`, entityType: "internal_audit", entityId: audit.reference, before, after: audit, controls: audit.controls });
    await this.deps.events.record(tx, "internal_audit.changed", { audit, change }, audit.reference);
    return { kind: "changed", audit };
  }

  private inTransaction(run: (tx: Tx) => Promise<ChangeResult>): Promise<ChangeResult> {
    return this.deps.prisma.$transaction(run).finally(() => void this.deps.events.deliverPending());
  }

  /** Delivers what changes made through a reminder (in its transaction) have to tell. */
  deliverChanges(): void {
    void this.deps.events.deliverPending();
  }

  private withAuditorNames<T extends InternalAudit>(audits: readonly T[]): Promise<T[]> {
    return this.deps.people.fill(audits, auditorOf, (audit, auditorName) => ({ ...audit, auditorName }));
  }
}

export const auditorOf = (audit: Pick<InternalAudit, "auditorChannel" | "auditorId" | "auditorName">): Actor & { name?: string } => ({
  channel: audit.auditorChannel,
  id: audit.auditorId,
  ...(audit.auditorName ? { name: audit.auditorName } : {}),
});

const notFound = (reference: string) => ({ kind: "not_found" as const, message: `There is no internal audit ${reference}.` });
