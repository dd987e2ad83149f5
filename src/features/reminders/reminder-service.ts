import type { Actor, ChatChannel } from "../../core/actor.js";
import { recordAudit } from "../../core/audit.js";
import type { Clock } from "../../core/clock.js";
import type { EventBus } from "../../core/events.js";
import type { Roles } from "../../core/roles.js";
import type { Tx } from "../../core/transaction.js";
import type { Prisma } from "../../db/database.js";
import type { PeopleNames } from "../people/people-names.js";
import type { SentDelivery } from "../scheduler/delivery.js";
import { cancelPendingDeliveries, recordSentDelivery, sentCopies } from "../scheduler/delivery-store.js";
import { occurrenceKey, parseOccurrenceKey, type DueItem, type DueItemRefusal, type DueItemSource } from "./due-item.js";
import { evidenceSchema, type Evidence } from "./evidence.js";
import { parseFields } from "./parse-fields.js";
import { snoozeEnd, snoozeLimitMessage, type SnoozePeriod } from "./snooze.js";
import { dueItemToJson, type ReminderPayload } from "./reminder-payload.js";
import { ownerOf, recordReminderSettled, type ReminderSettlement } from "./reminder-events.js";
import { SHARED_WORDING } from "../shared-wording.js";

/** Told when a reminder's button names an occurrence that has moved on or no longer exists. */
export const STALE_REMINDER = "That reminder is out of date.";

export interface ReminderServiceDeps {
  prisma: Prisma;
  events: EventBus;
  clock: Clock;
  roles: Roles;
  maxSnoozes: number;
  people: PeopleNames;
}

/** A reminder sent for an occurrence, to update in place once it is settled. */
export interface SettledCopy {
  conversationId: string;
  messageId: string;
  payload: ReminderPayload;
}

export type { SnoozePeriod };
export const REMINDER_KINDS = ["reminder", "escalation"] as const;

type Refusal = { kind: "not_found" | "forbidden" | "moved" | "invalid"; message: string };
export type CompleteResult = { kind: "done"; item: DueItem } | { kind: "already_done"; item: DueItem } | Refusal;
export type SnoozeResult = { kind: "snoozed"; item: DueItem; until: Date; left: number } | { kind: "limit"; message: string } | Refusal;
export type ReassignResult = { kind: "reassigned"; item: DueItem; owner: Actor } | Refusal;

/** Raised inside a transaction to roll it back when the item moved on between reading it and changing it. */
class ItemMoved extends Error {}
/** Raised inside a transaction to roll it back when the source says only the item's own flow can do this. */
class ItemRefused extends Error {}

/** What a source answered, as a commit or a rollback of the reminder's transaction. */
function throwUnlessDone(outcome: boolean | DueItemRefusal): void {
  if (outcome === false) throw new ItemMoved();
  if (outcome !== true) throw new ItemRefused(outcome.refused);
}

/**
 * The due items of every registered source and what owners do with a reminder: mark done with evidence, snooze,
 * reassign. Each change is guarded in the database and audited; pending reminders for the occurrence are cancelled.
 */
export class ReminderService {
  private readonly sourceList: DueItemSource[] = [];

  constructor(private readonly deps: ReminderServiceDeps) {}

  /** Plugs a feature's due items into reminders, the review list and the digest. */
  addSource(source: DueItemSource): void {
    if (this.sourceList.some((existing) => existing.name === source.name)) throw new Error(`due item source ${source.name} added twice`);
    this.sourceList.push(source);
  }

  /** Every open item due on or before `until`, soonest first, with its owner's name where the bot knows it. */
  async listDue(until: Date): Promise<DueItem[]> {
    const lists = await Promise.all(this.sourceList.map((source) => source.listDue(this.deps.prisma, until)));
    const items = lists.flat().sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
    return this.deps.people.fill(items, (item) => item.owner, (item, name) => ({ ...item, owner: { ...item.owner, name } }));
  }

  /** The item an occurrence key points at, as it is now. */
  async find(key: string): Promise<DueItem | null> {
    const parsed = parseOccurrenceKey(key);
    const source = parsed && this.sourceList.find((candidate) => candidate.name === parsed.source);
    return parsed && source ? source.find(this.deps.prisma, parsed.itemId) : null;
  }

  /**
   * The reminders and escalations sent through `channel` for an occurrence that its settlement updates (every one, but
   * those to the new owner of a reassigned item, which are theirs to act on), and the settlement with known names.
   */
  async remindersToSettle(key: string, channel: ChatChannel, settlement: ReminderSettlement): Promise<{ settlement: ReminderSettlement; copies: SettledCopy[] }> {
    const copies = await sentCopies(this.deps.prisma, key, channel, REMINDER_KINDS);
    const newOwner = settlement.kind === "reassigned" && settlement.to.channel === channel ? settlement.to.id : null;
    return {
      settlement: await this.named(settlement),
      copies: copies.filter((copy) => copy.recipientId !== newOwner).map((copy) => ({ ...copy, payload: copy.payload as ReminderPayload })),
    };
  }

  private async named(settlement: ReminderSettlement): Promise<ReminderSettlement> {
    const { people } = this.deps;
    if (settlement.kind === "done") return { ...settlement, by: (await people.named([settlement.by]))[0]! };
    if (settlement.kind === "reassigned") return { ...settlement, to: (await people.named([settlement.to]))[0]! };
    return settlement;
  }

  /** The reminder a reassigned item's new owner is sent at once, as it is worded for `headline`. */
  assignedReminder(key: string, item: DueItem): ReminderPayload {
    return { type: "reminder", stage: "due", occurrenceKey: key, item: dueItemToJson(item) };
  }

  /** Remembers the reminder sent at once to a reassigned item's new owner, so settling the item updates it too. */
  async rememberAssignedReminder(payload: ReminderPayload, owner: Pick<Actor, "channel" | "id">, sent: Required<SentDelivery>): Promise<void> {
    const now = this.deps.clock.now();
    const key = `${payload.occurrenceKey}|assigned|${owner.channel}:${owner.id}|${now.toISOString()}`;
    const recipient = { channel: owner.channel, id: owner.id };
    await recordSentDelivery(this.deps.prisma, { key, occurrenceKey: payload.occurrenceKey, kind: "reminder", recipient, payload, notBefore: now }, sent);
  }

  /** Owners (and those the item is shared with) and AIMS owners may act on an item. */
  async mayManage(actor: Actor, item: DueItem): Promise<boolean> {
    const reminded = [item.owner, ...(item.sharedWith ?? [])];
    for (const person of reminded) if (await this.deps.roles.samePerson(actor, person)) return true;
    return this.deps.roles.has(actor, "owner");
  }

  async complete(actor: Actor, key: string, rawEvidence: { note?: string; link?: string }): Promise<CompleteResult> {
    const evidence = parseFields(evidenceSchema, rawEvidence);
    if (!evidence.ok) return { kind: "invalid", message: Object.values(evidence.errors)[0]! };
    const found = await this.current(actor, key);
    if (found.kind !== "ok") return found;
    const { item, source } = found;
    if (item.kind !== "task") return { kind: "invalid", message: "Record progress on this one with a check-in." };
    const now = this.deps.clock.now();
    try {
      const done = await this.deps.prisma.$transaction(async (tx) => {
        await ensureOccurrence(tx, item);
        const { count } = await tx.dueItemOccurrence.updateMany({
          where: { occurrenceKey: key, completedAt: null },
          data: completion(actor, now, evidence.input),
        });
        if (count === 0) return false;
        throwUnlessDone(await source.complete(tx, item, now, actor));
        await cancelPendingDeliveries(tx, key, REMINDER_KINDS);
        await recordReminderSettled(tx, this.deps.events, key, { kind: "done", by: ownerOf(actor), at: now });
        await recordAudit(tx, this.deps.clock, {
          actor,
          action: "due_item.completed",
          entityType: item.source,
          entityId: item.itemId,
          before: { dueAt: item.dueAt },
          after: { completedAt: now, ...evidence.input },
          controls: item.controls,
        });
        return true;
      });
      if (done) {
        void this.deps.events.deliverPending();
        await source.committed?.(item);
      }
      return { kind: done ? "done" : "already_done", item };
    } catch (error) {
      if (error instanceof ItemMoved) return moved(item);
      if (error instanceof ItemRefused) return { kind: "invalid", message: error.message };
      throw error;
    }
  }

  async snooze(actor: Actor, key: string, period: SnoozePeriod): Promise<SnoozeResult> {
    const found = await this.current(actor, key);
    if (found.kind !== "ok") return found;
    const { item } = found;
    const now = this.deps.clock.now();
    const until = snoozeEnd(now, period);
    const { maxSnoozes } = this.deps;
    const outcome = await this.deps.prisma.$transaction(async (tx) => {
      await ensureOccurrence(tx, item);
      const { count } = await tx.dueItemOccurrence.updateMany({
        where: { occurrenceKey: key, completedAt: null, snoozeCount: { lt: maxSnoozes } },
        data: { snoozedUntil: until, snoozeCount: { increment: 1 } },
      });
      if (count === 0) return null;
      const row = await tx.dueItemOccurrence.findUniqueOrThrow({ where: { occurrenceKey: key } });
      await cancelPendingDeliveries(tx, key, REMINDER_KINDS);
      await recordAudit(tx, this.deps.clock, {
        actor,
        action: "due_item.snoozed",
        entityType: item.source,
        entityId: item.itemId,
        after: { snoozedUntil: until, snoozeCount: row.snoozeCount },
        controls: item.controls,
      });
      return row;
    });
    if (!outcome) {
      return { kind: "limit", message: snoozeLimitMessage(maxSnoozes, "mark it done or reassign it") };
    }
    return { kind: "snoozed", item, until, left: maxSnoozes - outcome.snoozeCount };
  }

  async reassign(actor: Actor, key: string, owner: Actor): Promise<ReassignResult> {
    const found = await this.current(actor, key);
    if (found.kind !== "ok") return found;
    const { item, source } = found;
    if (await this.deps.roles.samePerson(owner, item.owner)) return { kind: "invalid", message: SHARED_WORDING.alreadyOwner };
    try {
      await this.deps.prisma.$transaction(async (tx) => {
        throwUnlessDone(await source.reassign(tx, item, owner, actor));
        await cancelPendingDeliveries(tx, key, REMINDER_KINDS);
        await recordReminderSettled(tx, this.deps.events, key, { kind: "reassigned", to: ownerOf(owner), by: ownerOf(actor) });
        await recordAudit(tx, this.deps.clock, {
          actor,
          action: "due_item.reassigned",
          entityType: item.source,
          entityId: item.itemId,
          before: { owner: item.owner },
          after: { owner },
          controls: item.controls,
        });
      });
    } catch (error) {
      if (error instanceof ItemMoved) return moved(item);
      if (error instanceof ItemRefused) return { kind: "invalid", message: error.message };
      throw error;
    }
    void this.deps.events.deliverPending();
    await source.committed?.(item);
    return { kind: "reassigned", item: { ...item, owner }, owner };
  }

  /** The item behind an occurrence key, if it is still at that occurrence and the actor may act on it. */
  private async current(actor: Actor, key: string): Promise<({ kind: "ok"; item: DueItem; source: DueItemSource }) | Refusal> {
    const parsed = parseOccurrenceKey(key);
    const source = parsed && this.sourceList.find((candidate) => candidate.name === parsed.source);
    if (!parsed || !source) return { kind: "not_found", message: STALE_REMINDER };
    const item = await source.find(this.deps.prisma, parsed.itemId);
    if (!item) return { kind: "not_found", message: `I can't find ${parsed.itemId} any more.` };
    if (!(await this.mayManage(actor, item))) return { kind: "forbidden", message: `Only the owner of ${item.itemId} or an AIMS owner can do that.` };
    if (occurrenceKey(item) !== key) return moved(item);
    return { kind: "ok", item, source };
  }
}

function moved(item: DueItem): Refusal {
  return { kind: "moved", message: `${item.itemId} has already moved on (done, or its due date changed).` };
}

function completion(actor: Actor, at: Date, evidence: Evidence) {
  return {
    completedAt: at,
    completedByChannel: actor.channel,
    completedById: actor.id,
    evidenceNote: evidence.note,
    evidenceLink: evidence.link,
  };
}

/** The occurrence row exists before a guarded update (insert-if-missing is safe under concurrency). */
export async function ensureOccurrence(tx: Tx, item: Pick<DueItem, "source" | "itemId" | "dueAt" | "controls">): Promise<void> {
  await tx.dueItemOccurrence.createMany({
    data: [{ occurrenceKey: occurrenceKey(item), source: item.source, itemId: item.itemId, dueAt: item.dueAt, controls: [...item.controls] }],
    skipDuplicates: true,
  });
}
