import type { ChatChannel } from "../../core/actor.js";
import type { Tx } from "../../core/transaction.js";
import type { Prisma } from "../../db/database.js";
import type { ClaimedDelivery, NewDelivery, SentDelivery } from "./delivery.js";

export const MAX_DELIVERY_ATTEMPTS = 5;

/**
 * Scheduled messages in the database. Inserting a delivery is idempotent on its key; sending one first claims it
 * with a lease (`FOR UPDATE SKIP LOCKED`), so concurrent replicas never take the same row, and a replica that dies
 * after claiming leaves a lease that expires and is claimed again.
 */
export class DeliveryStore {
  constructor(private readonly prisma: Prisma) {}

  /** Inserts the deliveries whose key is new; returns how many were inserted. */
  async enqueue(deliveries: NewDelivery[]): Promise<number> {
    if (deliveries.length === 0) return 0;
    const { count } = await this.prisma.scheduledDelivery.createMany({
      data: deliveries.map(deliveryRow),
      skipDuplicates: true,
    });
    return count;
  }

  /** Deliveries due at `now` and not sent yet (leased, waiting for a retry or untouched), and the oldest due time. */
  async backlog(now: Date): Promise<{ due: number; oldestDueAt: Date | null }> {
    const { _count, _min } = await this.prisma.scheduledDelivery.aggregate({
      where: { status: "pending", notBefore: { lte: now } },
      _count: { _all: true },
      _min: { notBefore: true },
    });
    return { due: _count._all, oldestDueAt: _min.notBefore };
  }

  /** Leases up to `limit` deliveries that are due and not leased by a live replica. */
  async claim(owner: string, now: Date, leaseMs: number, limit: number): Promise<ClaimedDelivery[]> {
    const leaseUntil = new Date(now.getTime() + leaseMs);
    return this.prisma.$queryRaw<ClaimedDelivery[]>`
      UPDATE "ScheduledDelivery"
      SET "leaseUntil" = ${leaseUntil}, "leasedBy" = ${owner}, "attempts" = "attempts" + 1, "updatedAt" = ${now}
      WHERE "id" IN (
        SELECT "id" FROM "ScheduledDelivery"
        WHERE "status" = 'pending' AND "notBefore" <= ${now} AND ("leaseUntil" IS NULL OR "leaseUntil" <= ${now})
        ORDER BY "notBefore", "id"
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED)
      RETURNING *`;
  }

  /** Records the send; false when this replica's lease was lost (another replica took the row over). */
  async markSent(delivery: ClaimedDelivery, owner: string, now: Date, sent: SentDelivery): Promise<boolean> {
    const { count } = await this.prisma.scheduledDelivery.updateMany({
      where: { id: delivery.id, leasedBy: owner, status: "pending" },
      data: { status: "sent", sentAt: now, messageId: sent.messageId, conversationId: sent.conversationId, leaseUntil: null },
    });
    return count === 1;
  }

  /** A failed send waits until `retryAt`, or is given up after MAX_DELIVERY_ATTEMPTS. */
  async markFailed(delivery: ClaimedDelivery, owner: string, error: string, retryAt: Date): Promise<"retry" | "failed"> {
    const outcome = delivery.attempts >= MAX_DELIVERY_ATTEMPTS ? "failed" : "retry";
    await this.prisma.scheduledDelivery.updateMany({
      where: { id: delivery.id, leasedBy: owner, status: "pending" },
      data: outcome === "failed" ? { status: "failed", lastError: error, leaseUntil: null } : { lastError: error, leaseUntil: retryAt },
    });
    return outcome;
  }
}

/** Records a message sent at once rather than scheduled (a reassigned item's new owner told), to update it like the others. */
export async function recordSentDelivery(db: Prisma, delivery: NewDelivery, sent: SentDelivery): Promise<void> {
  await db.scheduledDelivery.createMany({
    data: [
      {
        ...deliveryRow(delivery),
        status: "sent",
        sentAt: delivery.notBefore,
        messageId: sent.messageId,
        conversationId: sent.conversationId,
      },
    ],
    skipDuplicates: true,
  });
}

/** A message sent for an occurrence, where it can still be updated. */
export interface SentCopy {
  recipientId: string;
  conversationId: string;
  messageId: string;
  payload: unknown;
}

/** The messages of `kinds` sent through `channel` for one occurrence that can be updated (older rows kept no conversation). */
export async function sentCopies(db: Prisma, occurrenceKey: string, channel: ChatChannel, kinds: readonly string[]): Promise<SentCopy[]> {
  const rows = await db.scheduledDelivery.findMany({
    where: { occurrenceKey, channel, status: "sent", kind: { in: [...kinds] }, messageId: { not: null }, conversationId: { not: null } },
    select: { recipientId: true, conversationId: true, messageId: true, payload: true },
    orderBy: { id: "asc" },
  });
  return rows.map((row) => ({ recipientId: row.recipientId, conversationId: row.conversationId!, messageId: row.messageId!, payload: row.payload }));
}

/** Drops messages not yet sent for one occurrence of a due item (it was done, snoozed or reassigned). */
export async function cancelPendingDeliveries(tx: Tx, occurrenceKey: string, kinds: readonly string[]): Promise<number> {
  const { count } = await tx.scheduledDelivery.updateMany({
    where: { occurrenceKey, status: "pending", kind: { in: [...kinds] } },
    data: { status: "cancelled", leaseUntil: null },
  });
  return count;
}

function deliveryRow(delivery: NewDelivery) {
  return {
    key: delivery.key,
    occurrenceKey: delivery.occurrenceKey,
    kind: delivery.kind,
    channel: delivery.recipient.channel,
    recipientId: delivery.recipient.id,
    payload: delivery.payload as never,
    notBefore: delivery.notBefore,
  };
}
