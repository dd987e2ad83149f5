import { DateTime } from "luxon";
import type { Actor, ChatChannel } from "../../core/actor.js";
import { recordAudit } from "../../core/audit.js";
import type { Clock } from "../../core/clock.js";
import type { EventBus } from "../../core/events.js";
import { nextReference } from "../../core/references.js";
import { CHAT_CHANNELS } from "../../core/actor.js";
import type { AimsRole, Roles } from "../../core/roles.js";
import type { Tx } from "../../core/transaction.js";
import type { Prisma } from "../../db/database.js";
import type { ManagementReview, ManagementReviewAction, ManagementReviewDecision } from "../../db/generated/client.js";
import type { ManagementReviewActionStatus } from "../../db/generated/enums.js";
import type { PeopleNames } from "../people/people-names.js";
import { cancelReminders, settleOccurrence } from "../reminders/settle.js";
import { IMPROVEMENT_CONTROLS, MANAGEMENT_REVIEW_CONTROLS } from "./controls.js";
import { assembleInputs, DEFAULT_INPUT_PROVIDERS, type InputProvider, type InputSection } from "./management-review-inputs.js";
import { actionItem, reviewItem } from "./management-review-items.js";
import { parseAction, parseDecision, parseMinutes, parseSchedule, type ReviewFormErrors } from "./management-review-form.js";
import "./management-review-events.js";
import { SHARED_WORDING } from "../shared-wording.js";

/** Said to anyone but an AIMS owner who tries to schedule a review (the conversation asks before opening the form). */
export const ONLY_OWNERS_SCHEDULE = "Only AIMS owners can schedule management reviews.";

export interface ReviewPerson {
  channel: ChatChannel;
  id: string;
  name?: string | null;
}

export type ReviewDetails = ManagementReview & { decisions: ManagementReviewDecision[]; actions: ManagementReviewAction[] };

/** What the reviewers are sent on the day: the review and its 9.3.2 inputs as assembled, written once for both chats. */
export interface ReviewInputsPayload {
  type: "management-review-inputs";
  reference: string;
  title: string;
  scheduledAt: string;
  periodStart: string;
  inputs: InputSection[];
  zone: string;
}

export type ReviewRefusal = { kind: "not_found" | "forbidden" | "refused"; message: string };
export type ScheduleResult = { kind: "scheduled"; review: ManagementReview } | { kind: "invalid"; errors: ReviewFormErrors } | ReviewRefusal;
export type DecisionResult = { kind: "decided"; decision: ManagementReviewDecision } | { kind: "invalid"; errors: ReviewFormErrors } | ReviewRefusal;
export type ActionResult = { kind: "added"; action: ManagementReviewAction } | { kind: "invalid"; errors: ReviewFormErrors } | ReviewRefusal;
export type CloseResult = { kind: "closed"; review: ManagementReview; next: ManagementReview | null } | { kind: "invalid"; errors: ReviewFormErrors } | ReviewRefusal;
export type ActionStatusResult = { kind: "updated"; action: ManagementReviewAction } | ReviewRefusal;

const INPUTS_KIND = "management-review-inputs";
/** A review with nothing before it looks back this far. */
const FIRST_PERIOD_MONTHS = 12;
const WITH_RECORDS = { decisions: { orderBy: { id: "asc" } }, actions: { orderBy: { id: "asc" } } } as const;

export const reviewersOf = (review: Pick<ManagementReview, "reviewers">): ReviewPerson[] => (review.reviewers as unknown as ReviewPerson[] | null) ?? [];
export const participantsOf = (review: Pick<ManagementReview, "participants">): ReviewPerson[] => (review.participants as unknown as ReviewPerson[] | null) ?? [];
export const inputsOf = (review: Pick<ManagementReview, "inputs">): InputSection[] => (review.inputs as unknown as InputSection[] | null) ?? [];

const notFound = (reference: string): ReviewRefusal => ({ kind: "not_found", message: `There is no management review ${reference}.` });
const person = (who: ReviewPerson) => ({ channel: who.channel, id: who.id, name: who.name ?? null });

/**
 * Management reviews (ISO 42001 9.3): scheduled by an AIMS owner; opened on the day by the scheduler, which assembles
 * the 9.3.2 inputs from a list of providers and sends them to each reviewer by DM; decisions (9.3.3) and owned
 * actions recorded; closed with minutes. Each change is guarded, audited and an event, in one transaction.
 */
export class ManagementReviewService {
  private readonly providers: InputProvider[] = [...DEFAULT_INPUT_PROVIDERS];

  constructor(private readonly deps: { prisma: Prisma; clock: Clock; roles: Roles; events: EventBus; people: PeopleNames; zone: string }) {}

  get zone(): string {
    return this.deps.zone;
  }

  /** Adds a source of 9.3.2 inputs, or replaces the one with the same id (audits replace "no audit results yet"). */
  addInputProvider(provider: InputProvider): void {
    const at = this.providers.findIndex((existing) => existing.id === provider.id);
    if (at >= 0) this.providers[at] = provider;
    else this.providers.push(provider);
  }

  inputProviders(): readonly InputProvider[] {
    return this.providers;
  }

  mayOrganise(actor: Pick<Actor, "channel" | "id">, tx?: Tx): Promise<boolean> {
    return this.deps.roles.has(actor, "owner", tx);
  }

  /** AIMS owners, the organiser, the named reviewers, those the inputs went to and the holders of the reviewers' role. */
  async mayTakePart(actor: Pick<Actor, "channel" | "id">, review: ManagementReview, tx?: Tx): Promise<boolean> {
    const { roles } = this.deps;
    if (await roles.has(actor, "owner", tx)) return true;
    const people = [{ channel: review.organiserChannel, id: review.organiserId }, ...reviewersOf(review), ...participantsOf(review)];
    for (const who of people) if (await roles.samePerson(actor, who, tx)) return true;
    return review.reviewerRole ? roles.has(actor, review.reviewerRole, tx) : false;
  }

  find(reference: string): Promise<ManagementReview | null> {
    return this.deps.prisma.managementReview.findUnique({ where: { reference: reference.toUpperCase() } });
  }

  details(reference: string): Promise<ReviewDetails | null> {
    return this.deps.prisma.managementReview.findUnique({ where: { reference: reference.toUpperCase() }, include: WITH_RECORDS });
  }

  /** Reviews not yet closed, soonest first, then the last few closed. */
  async list(): Promise<ManagementReview[]> {
    const { prisma } = this.deps;
    const [current, closed] = await Promise.all([
      prisma.managementReview.findMany({ where: { status: { not: "closed" } }, orderBy: [{ scheduledAt: "asc" }, { id: "asc" }] }),
      prisma.managementReview.findMany({ where: { status: "closed" }, orderBy: { closedAt: "desc" }, take: 5 }),
    ]);
    return [...current, ...closed];
  }

  async schedule(actor: Actor, raw: Record<string, unknown>, reviewers: readonly Actor[]): Promise<ScheduleResult> {
    const { prisma, clock, events, zone } = this.deps;
    if (!(await this.mayOrganise(actor))) return { kind: "forbidden", message: ONLY_OWNERS_SCHEDULE };
    const parsed = parseSchedule(raw, clock.now(), zone);
    const named = uniquePeople(reviewers);
    const errors: ReviewFormErrors = parsed.ok ? {} : { ...parsed.errors };
    if (named.length === 0 && !(parsed.ok && parsed.input.reviewerRole)) errors.reviewer1 = "Name at least one reviewer, or choose a role whose holders review";
    if (!parsed.ok || Object.keys(errors).length > 0) return { kind: "invalid", errors };
    const { title, date, reviewerRole } = parsed.input;
    const review = await prisma.$transaction(async (tx) => {
      const created = await tx.managementReview.create({
        data: {
          reference: await nextReference(tx, "MR"),
          title,
          scheduledAt: date,
          organiserChannel: actor.channel,
          organiserId: actor.id,
          organiserName: actor.name ?? null,
          reviewers: named.map(person) as never,
          reviewerRole,
          controls: [...MANAGEMENT_REVIEW_CONTROLS],
          createdAt: clock.now(),
        },
      });
      await recordAudit(tx, clock, { actor, action: "management_review.scheduled", entityType: "management_review", entityId: created.reference, after: auditSnapshot(created), controls: created.controls });
      await events.record(tx, "management_review.changed", { reference: created.reference, change: "scheduled" }, created.reference);
      return created;
    });
    void events.deliverPending();
    return { kind: "scheduled", review };
  }

  /**
   * Opens every review whose day has come: assembles its inputs, records who they go to, and enqueues one DM per
   * reviewer, all in one transaction guarded on the review still being scheduled (one replica opens it).
   */
  async openDue(now: Date): Promise<ManagementReview[]> {
    const due = await this.deps.prisma.managementReview.findMany({ where: { status: "scheduled", scheduledAt: { lte: now } }, orderBy: { scheduledAt: "asc" } });
    const opened: ManagementReview[] = [];
    for (const review of due) {
      const result = await this.open(review, now);
      if (result) opened.push(result);
    }
    if (opened.length > 0) void this.deps.events.deliverPending();
    return opened;
  }

  private async open(review: ManagementReview, now: Date): Promise<ManagementReview | null> {
    const { prisma, clock, events, zone } = this.deps;
    const previous = await prisma.managementReview.findFirst({ where: { id: { not: review.id }, openedAt: { not: null, lt: now } }, orderBy: { openedAt: "desc" } });
    const from = previous?.openedAt ?? DateTime.fromJSDate(now).minus({ months: FIRST_PERIOD_MONTHS }).toJSDate();
    const period = { from, to: now, previousFrom: new Date(from.getTime() - (now.getTime() - from.getTime())), reviewId: review.id, zone };
    const inputs = await assembleInputs(prisma, this.providers, period);
    const participants = await this.deps.people.named(await this.participants(review));
    return prisma.$transaction(async (tx) => {
      const { count } = await tx.managementReview.updateMany({
        where: { id: review.id, status: "scheduled" },
        data: { status: "open", openedAt: now, periodStart: from, inputs: inputs as never, participants: participants.map(person) as never },
      });
      if (count === 0) return null;
      const opened = await tx.managementReview.findUniqueOrThrow({ where: { id: review.id } });
      const payload = inputsPayload(opened, zone);
      await tx.scheduledDelivery.createMany({
        data: participants.map((who) => ({ key: `${INPUTS_KIND}|${opened.reference}|${who.channel}:${who.id}`, kind: INPUTS_KIND, channel: who.channel, recipientId: who.id, payload: payload as never, notBefore: now })),
        skipDuplicates: true,
      });
      await recordAudit(tx, clock, {
        actor: null,
        action: "management_review.opened",
        entityType: "management_review",
        entityId: opened.reference,
        before: { status: "scheduled" },
        after: { status: "open", openedAt: now, periodStart: from, inputs: inputs.map((section) => section.id), sentTo: participants.length },
        controls: opened.controls,
      });
      await events.record(tx, "management_review.changed", { reference: opened.reference, change: "opened" }, opened.reference);
      return opened;
    });
  }

  /** The named reviewers and, on each channel, whoever holds the reviewers' role now; each account once. */
  private async participants(review: ManagementReview): Promise<ReviewPerson[]> {
    const people: ReviewPerson[] = [...reviewersOf(review)];
    if (review.reviewerRole) {
      const role: AimsRole = review.reviewerRole;
      for (const channel of CHAT_CHANNELS) for (const id of await this.deps.roles.members(role, channel)) people.push({ channel, id });
    }
    return uniquePeople(people);
  }

  async recordDecision(actor: Actor, reference: string, raw: Record<string, unknown>): Promise<DecisionResult> {
    const { prisma, clock, events } = this.deps;
    const found = await this.openReview(actor, reference);
    if ("kind" in found) return found;
    const parsed = parseDecision(raw);
    if (!parsed.ok) return { kind: "invalid", errors: parsed.errors };
    const { kind, text } = parsed.input;
    const decision = await prisma.$transaction(async (tx) => {
      if (!(await stillOpen(tx, found.id))) return null;
      const created = await tx.managementReviewDecision.create({
        data: {
          reviewId: found.id,
          kind,
          text,
          decidedByChannel: actor.channel,
          decidedById: actor.id,
          decidedByName: actor.name ?? null,
          decidedAt: clock.now(),
          controls: kind === "improvement" ? [...IMPROVEMENT_CONTROLS] : [...MANAGEMENT_REVIEW_CONTROLS],
        },
      });
      await recordAudit(tx, clock, { actor, action: "management_review.decision_recorded", entityType: "management_review", entityId: found.reference, after: created, controls: created.controls });
      await events.record(tx, "management_review.changed", { reference: found.reference, change: "decision" }, found.reference);
      return created;
    });
    if (!decision) return closedRefusal(found.reference);
    void events.deliverPending();
    return { kind: "decided", decision };
  }

  /** An action with its owner (a person of the actor's chat) and deadline; reminded through the scheduler until done. */
  async addAction(actor: Actor, reference: string, raw: Record<string, unknown>): Promise<ActionResult> {
    const { prisma, clock, events, zone } = this.deps;
    const found = await this.openReview(actor, reference);
    if ("kind" in found) return found;
    const parsed = parseAction(raw, clock.now(), zone);
    if (!parsed.ok) return { kind: "invalid", errors: parsed.errors };
    const owner = await this.deps.people.person(actor.channel, parsed.input.ownerId);
    const action = await prisma.$transaction(async (tx) => {
      if (!(await stillOpen(tx, found.id))) return null;
      const created = await tx.managementReviewAction.create({
        data: {
          reviewId: found.id,
          description: parsed.input.description,
          ownerChannel: owner.channel,
          ownerId: owner.id,
          ownerName: owner.name ?? null,
          dueDate: parsed.input.dueDate,
          createdByChannel: actor.channel,
          createdById: actor.id,
          createdAt: clock.now(),
          controls: [...IMPROVEMENT_CONTROLS],
        },
      });
      await recordAudit(tx, clock, { actor, action: "management_review.action_added", entityType: "management_review_action", entityId: created.id, after: { ...created, review: found.reference }, controls: created.controls });
      await events.record(tx, "management_review.changed", { reference: found.reference, change: "action" }, found.reference);
      return created;
    });
    if (!action) return closedRefusal(found.reference);
    void events.deliverPending();
    return { kind: "added", action };
  }

  /** Closes an open review with its minutes; a review from a recurring schedule schedules the next one. */
  async close(actor: Actor, reference: string, raw: Record<string, unknown>): Promise<CloseResult> {
    const { prisma, clock, events } = this.deps;
    const found = await this.openReview(actor, reference);
    if ("kind" in found) return found;
    const parsed = parseMinutes(raw);
    if (!parsed.ok) return { kind: "invalid", errors: parsed.errors };
    const now = clock.now();
    const result = await prisma.$transaction(async (tx) => {
      const { count } = await tx.managementReview.updateMany({
        where: { id: found.id, status: "open" },
        data: { status: "closed", minutes: parsed.input.minutes, closedAt: now, closedByChannel: actor.channel, closedById: actor.id, closedByName: actor.name ?? null },
      });
      if (count === 0) return null;
      const closed = await tx.managementReview.findUniqueOrThrow({ where: { id: found.id } });
      await recordAudit(tx, clock, {
        actor,
        action: "management_review.closed",
        entityType: "management_review",
        entityId: closed.reference,
        before: { status: "open" },
        after: { status: "closed", closedAt: now, minutes: closed.minutes },
        controls: closed.controls,
      });
      await settleOccurrence(tx, events, reviewItem(found), { actor, at: now, note: "Closed with minutes" });
      await events.record(tx, "management_review.changed", { reference: closed.reference, change: "closed" }, closed.reference);
      const next = closed.intervalMonths ? await this.scheduleNext(tx, actor, closed, closed.intervalMonths) : null;
      return { closed, next };
    });
    if (!result) return closedRefusal(found.reference);
    void events.deliverPending();
    return { kind: "closed", review: result.closed, next: result.next };
  }

  private async scheduleNext(tx: Tx, actor: Actor, closed: ManagementReview, intervalMonths: number): Promise<ManagementReview> {
    const { clock, events } = this.deps;
    const next = await tx.managementReview.create({
      data: {
        reference: await nextReference(tx, "MR"),
        title: closed.title,
        scheduledAt: nextReviewDay(closed.scheduledAt, intervalMonths, clock.now(), this.deps.zone),
        organiserChannel: closed.organiserChannel,
        organiserId: closed.organiserId,
        organiserName: closed.organiserName,
        reviewers: closed.reviewers as never,
        reviewerRole: closed.reviewerRole,
        intervalMonths,
        fromSchedule: closed.fromSchedule,
        controls: [...MANAGEMENT_REVIEW_CONTROLS],
        createdAt: clock.now(),
      },
    });
    await recordAudit(tx, clock, { actor, action: "management_review.scheduled", entityType: "management_review", entityId: next.reference, after: { ...auditSnapshot(next), after: closed.reference }, controls: next.controls });
    await events.record(tx, "management_review.changed", { reference: next.reference, change: "scheduled" }, next.reference);
    return next;
  }

  /** Marks an open action done or cancelled inside `tx` (a reminder's Mark done): its owner, the organiser or an AIMS owner. */
  async setActionStatusIn(tx: Tx, actor: Actor, actionId: number, status: Exclude<ManagementReviewActionStatus, "open">): Promise<ActionStatusResult> {
    const { clock, events } = this.deps;
    const action = await tx.managementReviewAction.findUnique({ where: { id: actionId }, include: { review: true } });
    if (!action) return { kind: "not_found", message: "There is no such action." };
    if (!(await this.mayHandleAction(actor, action, tx))) return { kind: "forbidden", message: `Only the action's owner, whoever organised ${action.review.reference} or an AIMS owner can do that.` };
    const { count } = await tx.managementReviewAction.updateMany({ where: { id: actionId, status: "open" }, data: { status, completedAt: status === "done" ? clock.now() : null } });
    const after = await tx.managementReviewAction.findUniqueOrThrow({ where: { id: actionId } });
    if (count === 0) return { kind: "refused", message: `That action is already ${after.status}.` };
    await recordAudit(tx, clock, {
      actor,
      action: `management_review.action_${status}`,
      entityType: "management_review_action",
      entityId: actionId,
      before: { status: "open" },
      after: { status, review: action.review.reference },
      controls: action.controls,
    });
    await settleOccurrence(tx, events, actionItem(action), { actor, at: clock.now(), note: `Action ${status}`, cancelled: status === "cancelled" });
    await events.record(tx, "management_review.changed", { reference: action.review.reference, change: "action_status" }, action.review.reference);
    return { kind: "updated", action: after };
  }

  /** Gives an open action to another owner inside `tx`, unless it changed since `from` owned it. */
  async reassignActionIn(tx: Tx, actor: Actor, actionId: number, owner: Actor, from: Pick<Actor, "channel" | "id">): Promise<ActionStatusResult> {
    const { clock, events, roles } = this.deps;
    const action = await tx.managementReviewAction.findUnique({ where: { id: actionId }, include: { review: true } });
    if (!action) return { kind: "not_found", message: "There is no such action." };
    if (!(await this.mayHandleAction(actor, action, tx))) return { kind: "forbidden", message: `Only the action's owner, whoever organised ${action.review.reference} or an AIMS owner can do that.` };
    if (await roles.samePerson(owner, { channel: action.ownerChannel, id: action.ownerId }, tx)) return { kind: "refused", message: SHARED_WORDING.alreadyOwner };
    const { count } = await tx.managementReviewAction.updateMany({
      where: { id: actionId, status: "open", ownerChannel: from.channel, ownerId: from.id },
      data: { ownerChannel: owner.channel, ownerId: owner.id, ownerName: owner.name ?? null },
    });
    if (count === 0) return { kind: "refused", message: "That action changed meanwhile (done, cancelled or reassigned)." };
    await recordAudit(tx, clock, {
      actor,
      action: "management_review.action_reassigned",
      entityType: "management_review_action",
      entityId: actionId,
      before: { owner: { channel: action.ownerChannel, id: action.ownerId } },
      after: { owner: { channel: owner.channel, id: owner.id }, review: action.review.reference },
      controls: action.controls,
    });
    await cancelReminders(tx, events, actionItem(action), owner);
    await events.record(tx, "management_review.changed", { reference: action.review.reference, change: "action_status" }, action.review.reference);
    return { kind: "updated", action: await tx.managementReviewAction.findUniqueOrThrow({ where: { id: actionId } }) };
  }

  /** Gives a review not yet closed to another organiser (a reminder's Reassign), inside `tx`. */
  async reassignOrganiserIn(tx: Tx, actor: Actor, reference: string, organiser: Actor, from: Pick<Actor, "channel" | "id">): Promise<boolean | ReviewRefusal> {
    const { clock, events } = this.deps;
    const review = await tx.managementReview.findUnique({ where: { reference } });
    if (!review) return notFound(reference);
    if (!(await this.mayOrganise(actor, tx)) && !(await this.deps.roles.samePerson(actor, from, tx))) return { kind: "forbidden", message: "Only AIMS owners and the organiser can hand a review over." };
    if (!(await this.mayOrganise(organiser, tx))) return { kind: "refused", message: "Management reviews are organised by AIMS owners: choose one." };
    const { count } = await tx.managementReview.updateMany({
      where: { id: review.id, status: { not: "closed" }, organiserChannel: from.channel, organiserId: from.id },
      data: { organiserChannel: organiser.channel, organiserId: organiser.id, organiserName: organiser.name ?? null },
    });
    if (count === 0) return false;
    await recordAudit(tx, clock, {
      actor,
      action: "management_review.organiser_changed",
      entityType: "management_review",
      entityId: reference,
      before: { organiser: from },
      after: { organiser: { channel: organiser.channel, id: organiser.id } },
      controls: review.controls,
    });
    await cancelReminders(tx, events, reviewItem(review), organiser);
    return true;
  }

  deliverChanges(): void {
    void this.deps.events.deliverPending();
  }

  /** The next review not yet held, if any: for the digest and `/aims management-review`. */
  nextScheduled(): Promise<ManagementReview | null> {
    return this.deps.prisma.managementReview.findFirst({ where: { status: "scheduled" }, orderBy: { scheduledAt: "asc" } });
  }

  private async mayHandleAction(actor: Actor, action: ManagementReviewAction & { review: ManagementReview }, tx: Tx): Promise<boolean> {
    const { roles } = this.deps;
    if (await roles.samePerson(actor, { channel: action.ownerChannel, id: action.ownerId }, tx)) return true;
    if (await roles.samePerson(actor, { channel: action.review.organiserChannel, id: action.review.organiserId }, tx)) return true;
    return roles.has(actor, "owner", tx);
  }

  /** The review if it is open and the actor takes part in it; otherwise why not. */
  private async openReview(actor: Actor, reference: string): Promise<ManagementReview | ReviewRefusal> {
    const review = await this.find(reference);
    if (!review) return notFound(reference);
    if (!(await this.mayTakePart(actor, review))) return { kind: "forbidden", message: `Only the reviewers of ${review.reference}, whoever organised it and AIMS owners can do that.` };
    if (review.status === "scheduled") return { kind: "refused", message: `${review.reference} has not started yet: decisions and actions are recorded from its day on.` };
    if (review.status === "closed") return closedRefusal(review.reference);
    return review;
  }
}

const closedRefusal = (reference: string): ReviewRefusal => ({ kind: "refused", message: `${reference} is closed: its minutes are final.` });

async function stillOpen(tx: Tx, id: number): Promise<boolean> {
  // Takes the review's row lock, so a decision and the closing cannot cross.
  const rows = await tx.$queryRaw<{ status: string }[]>`SELECT "status"::text AS "status" FROM "ManagementReview" WHERE "id" = ${id} FOR UPDATE`;
  return rows[0]?.status === "open";
}

function uniquePeople<P extends ReviewPerson>(people: readonly P[]): P[] {
  const seen = new Set<string>();
  return people.filter((who) => {
    const key = `${who.channel}:${who.id}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The day of the next review of a recurring one: the same rhythm in the organisation's calendar (09:00 local stays
 * 09:00 across daylight saving), or a full interval from now when the rhythm has fallen behind.
 */
export function nextReviewDay(scheduledAt: Date, intervalMonths: number, now: Date, zone: string): Date {
  const onRhythm = DateTime.fromJSDate(scheduledAt, { zone }).plus({ months: intervalMonths });
  if (onRhythm.toJSDate() > now) return onRhythm.toJSDate();
  return DateTime.fromJSDate(now, { zone }).plus({ months: intervalMonths }).set({ hour: 9, minute: 0, second: 0, millisecond: 0 }).toJSDate();
}

/** A review as its audit events keep it: people under the keys whose values an erasure can remove (reviewerId ...). */
function auditSnapshot(review: ManagementReview) {
  const { reviewers: _reviewers, participants: _participants, ...rest } = review;
  return { ...rest, reviewers: reviewersOf(review).map((who) => ({ channel: who.channel, reviewerId: who.id, reviewerName: who.name ?? null })) };
}

export function inputsPayload(review: ManagementReview, zone: string): ReviewInputsPayload {
  return {
    type: "management-review-inputs",
    reference: review.reference,
    title: review.title,
    scheduledAt: review.scheduledAt.toISOString(),
    periodStart: (review.periodStart ?? review.scheduledAt).toISOString(),
    inputs: inputsOf(review),
    zone,
  };
}
