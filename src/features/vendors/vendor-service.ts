import type { Actor } from "../../core/actor.js";
import { recordAudit } from "../../core/audit.js";
import type { Clock } from "../../core/clock.js";
import type { EventBus } from "../../core/events.js";
import { nextReference } from "../../core/references.js";
import type { Roles } from "../../core/roles.js";
import type { Tx } from "../../core/transaction.js";
import type { Prisma } from "../../db/database.js";
import type { AiSystem, Prisma as P, Vendor, VendorReview } from "../../db/generated/client.js";
import type { PeopleNames } from "../people/people-names.js";
import { VENDOR_CONTROLS, VENDOR_REVIEW_CONTROLS } from "./controls.js";
import "./vendor-events.js";
import type { VendorChange } from "./vendor-events.js";
import { type OutcomeErrors, parseOutcome, parseVendor, type VendorErrors, vendorNameSchema } from "./vendor-form.js";
import { parseVendorAnswers, type VendorQuestionnaire } from "./vendor-questionnaire.js";
import { isReviewed, nextYearlyReview, REVIEWED_STATUSES } from "./vendor-status.js";

export type VendorDetails = Vendor & { reviews: VendorReview[]; aiSystems: Pick<AiSystem, "reference" | "name" | "status">[] };

export type AddResult = { kind: "added"; vendor: Vendor } | { kind: "invalid"; errors: VendorErrors } | { kind: "forbidden"; message: string };
export type ChangeResult = { kind: "changed"; vendor: Vendor } | { kind: "refused" | "not_found" | "forbidden"; message: string };
export type AnswerResult = { kind: "answered"; vendor: Vendor; review: VendorReview } | { kind: "invalid"; errors: Record<string, string> } | { kind: "refused" | "not_found" | "forbidden"; message: string };
export type OutcomeResult = { kind: "changed"; vendor: Vendor } | { kind: "invalid"; errors: OutcomeErrors } | { kind: "refused" | "not_found" | "forbidden"; message: string };

export const nameKeyOf = (name: string) => name.trim().toLowerCase();
const ONLY_OWNERS = "Only AIMS owners can add vendors, set their owner or send the questionnaire.";

/**
 * Vendor due diligence (ISO 42001 A.10.2, A.10.3): vendors as records of their own with an internal owner, the
 * questionnaire sent to that owner, each submission a new version, the outcome, and a yearly re-review.
 */
export class VendorService {
  constructor(private readonly deps: { prisma: Prisma; clock: Clock; roles: Roles; events: EventBus; people: PeopleNames; questionnaire: VendorQuestionnaire }) {}

  get questionnaire(): VendorQuestionnaire {
    return this.deps.questionnaire;
  }

  async manageRefusal(actor: Pick<Actor, "channel" | "id">, tx?: Tx): Promise<string | null> {
    return (await this.deps.roles.has(actor, "owner", tx)) ? null : ONLY_OWNERS;
  }

  /** Every vendor, by name, with how many register entries name it. */
  async list(): Promise<(Vendor & { systemCount: number })[]> {
    const rows = await this.deps.prisma.vendor.findMany({ orderBy: [{ nameKey: "asc" }], include: { _count: { select: { aiSystems: { where: { status: { not: "retired" } } } } } } });
    const vendors = rows.map(({ _count, ...vendor }) => ({ ...vendor, systemCount: _count.aiSystems }));
    return this.withOwnerNames(vendors);
  }

  /** One vendor by reference (VEN-0001) or name (any case), with its answers (latest first) and its systems. */
  async details(nameOrReference: string): Promise<VendorDetails | null> {
    const term = nameOrReference.trim();
    const where = /^VEN-\d+$/i.test(term) ? { reference: term.toUpperCase() } : { nameKey: nameKeyOf(term) };
    const vendor = await this.deps.prisma.vendor.findUnique({
      where,
      include: { reviews: { orderBy: { version: "desc" } }, aiSystems: { where: { status: { not: "retired" } }, orderBy: { name: "asc" }, select: { reference: true, name: true, status: true } } },
    });
    if (!vendor) return null;
    const [named] = await this.withOwnerNames([vendor]);
    return named!;
  }

  /** Adds a vendor (AIMS owners); names are unique whatever their case. */
  async add(actor: Actor, raw: Record<string, unknown>): Promise<AddResult> {
    const { prisma, clock, events } = this.deps;
    const parsed = parseVendor(raw);
    if (!parsed.ok) return { kind: "invalid", errors: parsed.errors };
    const input = parsed.input;
    const owner = input.ownerId ? await this.deps.people.person(actor.channel, input.ownerId) : null;
    return prisma
      .$transaction(async (tx): Promise<AddResult> => {
        const refusal = await this.manageRefusal(actor, tx);
        if (refusal) return { kind: "forbidden", message: refusal };
        const existing = await tx.vendor.findUnique({ where: { nameKey: nameKeyOf(input.name) } });
        if (existing) return { kind: "invalid", errors: { name: `${existing.name} is already a vendor (${existing.reference}).` } };
        const vendor = await tx.vendor.create({
          data: {
            reference: await nextReference(tx, "VEN"),
            name: input.name,
            nameKey: nameKeyOf(input.name),
            domains: input.domains,
            ...(owner ? { ownerChannel: owner.channel, ownerId: owner.id, ownerName: owner.name ?? null } : {}),
            createdByChannel: actor.channel,
            createdById: actor.id,
            controls: [...VENDOR_CONTROLS],
            createdAt: clock.now(),
          },
        });
        // Register entries and requests that already name it (in any case) are linked to it.
        await linkByName(tx, vendor);
        await this.changed(tx, actor, null, vendor, "added");
        return { kind: "added", vendor };
      })
      .finally(() => void events.deliverPending());
  }

  /** Gives the vendor another internal owner (AIMS owners). */
  setOwner(actor: Actor, reference: string, owner: Actor): Promise<ChangeResult> {
    return this.inTransaction(async (tx) => {
      const refusal = await this.manageRefusal(actor, tx);
      if (refusal) return { kind: "forbidden", message: refusal };
      return this.setOwnerIn(tx, actor, reference, owner);
    });
  }

  /** Sets the owner inside `tx` (also through a reminder's Reassign, where the reminder checked who may). */
  async setOwnerIn(tx: Tx, actor: Actor, reference: string, owner: Actor): Promise<ChangeResult> {
    const before = await tx.vendor.findUnique({ where: { reference } });
    if (!before) return notFound(reference);
    const { count } = await tx.vendor.updateMany({
      where: { id: before.id, ownerChannel: before.ownerChannel, ownerId: before.ownerId },
      data: { ownerChannel: owner.channel, ownerId: owner.id, ownerName: owner.name ?? null },
    });
    if (count !== 1) return changedMeanwhile(reference);
    return this.changed(tx, actor, before, null, "owner_set");
  }

  /** Sends the questionnaire to the vendor's internal owner (AIMS owners): the status becomes "review sent". */
  send(actor: Actor, reference: string): Promise<ChangeResult> {
    return this.inTransaction(async (tx) => {
      const refusal = await this.manageRefusal(actor, tx);
      if (refusal) return { kind: "forbidden", message: refusal };
      return this.sendIn(tx, actor, reference);
    });
  }

  /** Sends the questionnaire inside `tx` (also Mark done on the yearly re-review reminder). */
  async sendIn(tx: Tx, actor: Actor, reference: string): Promise<ChangeResult> {
    const before = await tx.vendor.findUnique({ where: { reference } });
    if (!before) return notFound(reference);
    if (!before.ownerId) return { kind: "refused", message: `${before.name} has no internal owner yet: set one first.` };
    const { count } = await tx.vendor.updateMany({ where: { id: before.id, status: before.status, ownerId: before.ownerId }, data: { status: "review_sent", questionnaireSentAt: this.deps.clock.now() } });
    if (count !== 1) return changedMeanwhile(reference);
    return this.changed(tx, actor, before, null, "questionnaire_sent");
  }

  /** Why this person may not answer the questionnaire for this vendor: only its internal owner or an AIMS owner may. */
  async answerRefusal(actor: Actor, vendor: Vendor, tx?: Tx): Promise<string | null> {
    if (vendor.ownerChannel && vendor.ownerId && (await this.deps.roles.samePerson(actor, { channel: vendor.ownerChannel, id: vendor.ownerId }, tx))) return null;
    if (await this.deps.roles.has(actor, "owner", tx)) return null;
    return `Only the internal owner of ${vendor.name} or an AIMS owner can do that.`;
  }

  /** Stores a submission of the questionnaire as the vendor's next version (never overwriting an earlier one). */
  async answer(actor: Actor, reference: string, raw: Record<string, unknown>): Promise<AnswerResult> {
    const { prisma, clock, events, questionnaire } = this.deps;
    const parsed = parseVendorAnswers(questionnaire, raw);
    return prisma
      .$transaction(async (tx): Promise<AnswerResult> => {
        const before = await tx.vendor.findUnique({ where: { reference } });
        if (!before) return notFound(reference);
        const refusal = await this.answerRefusal(actor, before, tx);
        if (refusal) return { kind: "forbidden", message: refusal };
        if (!parsed.ok) return { kind: "invalid", errors: parsed.errors };
        const latest = await tx.vendorReview.findFirst({ where: { vendorId: before.id }, orderBy: { version: "desc" }, select: { version: true } });
        const review = await tx.vendorReview.create({
          data: {
            vendorId: before.id,
            version: (latest?.version ?? 0) + 1,
            definitionId: questionnaire.id,
            definitionVersion: questionnaire.version,
            answers: parsed.answers as P.InputJsonValue,
            recordedByChannel: actor.channel,
            recordedById: actor.id,
            recordedAt: clock.now(),
            controls: [...VENDOR_REVIEW_CONTROLS],
          },
        });
        // The vendor row is the guard: touched so that an outcome read before these answers cannot land after them.
        await tx.vendor.update({ where: { id: before.id }, data: { updatedAt: clock.now() } });
        await recordAudit(tx, clock, { actor, action: "vendor_review.answered", entityType: "vendor_review", entityId: `${reference} v${review.version}`, after: review, controls: review.controls });
        await events.record(tx, "vendor.changed", { vendor: before, change: "answered" }, reference);
        return { kind: "answered", vendor: before, review };
      })
      .finally(() => void events.deliverPending());
  }

  /** The owner of the vendor or an AIMS owner records the outcome on the latest answers; re-review due a year later. */
  async recordOutcome(actor: Actor, reference: string, version: number, raw: Record<string, unknown>): Promise<OutcomeResult> {
    const { clock } = this.deps;
    const parsed = parseOutcome(raw);
    return this.inTransaction(async (tx): Promise<OutcomeResult> => {
      const before = await tx.vendor.findUnique({ where: { reference } });
      if (!before) return notFound(reference);
      const refusal = await this.answerRefusal(actor, before, tx);
      if (refusal) return { kind: "forbidden", message: refusal };
      const latest = await tx.vendorReview.findFirst({ where: { vendorId: before.id }, orderBy: { version: "desc" } });
      if (!latest) return { kind: "refused", message: `${before.name} has no answers yet: the questionnaire comes first.` };
      if (latest.version !== version) return { kind: "refused", message: `Newer answers (version ${latest.version}) came in for ${before.name}; look at them first.` };
      if (latest.outcome) return { kind: "refused", message: `The outcome on version ${version} is already recorded; new answers come before a new outcome.` };
      if (!parsed.ok) return { kind: "invalid", errors: parsed.errors };
      const now = clock.now();
      const { outcome, note } = parsed.input;
      const { count } = await tx.vendorReview.updateMany({ where: { id: latest.id, outcome: null }, data: { outcome, outcomeNote: note ?? null, decidedByChannel: actor.channel, decidedById: actor.id, decidedAt: now } });
      if (count !== 1) return changedMeanwhile(reference);
      await tx.vendor.update({ where: { id: before.id }, data: { status: outcome, outcomeNote: note ?? null, reviewedAt: now, nextReviewAt: nextYearlyReview(now) } });
      const review = await tx.vendorReview.findUniqueOrThrow({ where: { id: latest.id } });
      await recordAudit(tx, clock, { actor, action: "vendor_review.decided", entityType: "vendor_review", entityId: `${reference} v${version}`, before: latest, after: review, controls: review.controls });
      return this.changed(tx, actor, before, null, "outcome_recorded");
    });
  }

  /** Vendors whose yearly review is due by `until`, for the reminders: reviewed, with an owner. */
  dueForReview(db: Prisma | Tx, until: Date): Promise<Vendor[]> {
    return db.vendor.findMany({ where: { status: { in: [...REVIEWED_STATUSES] }, ownerId: { not: null }, nextReviewAt: { lte: until } }, orderBy: [{ nextReviewAt: "asc" }, { id: "asc" }] });
  }

  /** Delivers what changes made through a reminder (in its transaction) have to tell. */
  deliverChanges(): void {
    void this.deps.events.deliverPending();
  }

  private async changed(tx: Tx, actor: Actor, before: Vendor | null, created: Vendor | null, change: VendorChange): Promise<ChangeResult> {
    const vendor = created ?? (await tx.vendor.findUniqueOrThrow({ where: { id: before!.id } }));
    await recordAudit(tx, this.deps.clock, { actor, action: `vendor.${change}`, entityType: "vendor", entityId: vendor.reference, before, after: vendor, controls: vendor.controls });
    await this.deps.events.record(tx, "vendor.changed", { vendor, change }, vendor.reference);
    return { kind: "changed", vendor };
  }

  private inTransaction<R>(run: (tx: Tx) => Promise<R>): Promise<R> {
    return this.deps.prisma.$transaction(run).finally(() => void this.deps.events.deliverPending());
  }

  private withOwnerNames<T extends Vendor>(vendors: readonly T[]): Promise<T[]> {
    return this.deps.people.fill(
      vendors,
      (vendor) => ({ channel: vendor.ownerChannel ?? "slack", id: vendor.ownerId ?? "", name: vendor.ownerId ? vendor.ownerName : "-" }),
      (vendor, ownerName) => ({ ...vendor, ownerName }),
    );
  }
}

/** Links register entries and requests that name this vendor (in any case) and have no vendor record yet. */
async function linkByName(tx: Tx, vendor: Vendor): Promise<void> {
  await tx.aiSystem.updateMany({ where: { vendorId: null, vendor: { equals: vendor.name, mode: "insensitive" } }, data: { vendorId: vendor.id } });
  await tx.aiToolRequest.updateMany({ where: { vendorId: null, vendor: { equals: vendor.name, mode: "insensitive" } }, data: { vendorId: vendor.id } });
}

/** The advisory lock class (first key) under which vendor names are taken, the name's hash being the second. */
const VENDOR_NAME_LOCK = 7_420_001;

/**
 * The vendor record a request or register entry names, created (not reviewed, no owner) when it is the first to
 * name it: so every system in the register has a vendor whose status it shows. Called inside the caller's change.
 */
export async function vendorIdFor(tx: Tx, clock: Clock, actor: Actor, name: string): Promise<number | null> {
  const parsed = vendorNameSchema.safeParse(name);
  if (!parsed.success) return null;
  const nameKey = nameKeyOf(parsed.data);
  const known = await tx.vendor.findUnique({ where: { nameKey }, select: { id: true } });
  if (known) return known.id;
  // Submissions naming the same new vendor at once take turns here (until the first commits), so the second finds
  // the record the first made instead of failing on the unique name. A known vendor never waits.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${VENDOR_NAME_LOCK}::int, hashtext(${nameKey}))`;
  const found = await tx.vendor.findUnique({ where: { nameKey }, select: { id: true } });
  if (found) return found.id;
  const vendor = await tx.vendor.create({
    data: { reference: await nextReference(tx, "VEN"), name: parsed.data, nameKey: nameKeyOf(parsed.data), domains: [], controls: [...VENDOR_CONTROLS], createdAt: clock.now() },
  });
  await recordAudit(tx, clock, { actor, action: "vendor.added", entityType: "vendor", entityId: vendor.reference, after: vendor, controls: vendor.controls });
  return vendor.id;
}

export const isReviewedVendor = (vendor: Vendor) => isReviewed(vendor.status);
const notFound = (reference: string) => ({ kind: "not_found" as const, message: `There is no vendor ${reference}.` });
const changedMeanwhile = (reference: string) => ({ kind: "refused" as const, message: `${reference} has just changed; look at it again.` });
