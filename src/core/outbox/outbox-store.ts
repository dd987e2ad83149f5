import type { Prisma } from "../../db/database.js";
import type { Tx } from "../transaction.js";

export interface NewDelivery {
  event: string;
  subscriber: string;
  handler: string;
  aboutKey: string;
  payload: unknown;
}

export interface ClaimedDelivery {
  id: number;
  event: string;
  handler: string;
  payload: unknown;
  /** Including this one. */
  attempts: number;
}

interface Completion {
  id: number;
  owner: string;
  settle: { resolve(): void; reject(error: unknown): void };
}

/** The outbox's rows: written in a change's transaction, claimed under a lease, deleted once delivered. */
export class OutboxStore {
  /** Deliveries done since the last turn of the event loop, deleted together (see complete). */
  private completions: Completion[] = [];

  constructor(private readonly prisma: Prisma) {}

  async add(tx: Tx, deliveries: NewDelivery[]): Promise<void> {
    if (deliveries.length === 0) return;
    await tx.outboxDelivery.createMany({ data: deliveries.map((delivery) => ({ ...delivery, payload: delivery.payload as never })) });
  }

  /**
   * Leases up to `limit` deliveries that are due and not leased by a live replica, each the earliest still pending
   * for its subscriber and record, so one record's messages never overtake each other. Only deliveries for `handlers`
   * (this replica's): a replica with another channel turned on leaves the rest to the replicas that have it.
   */
  claim(owner: string, handlers: string[], now: Date, leaseMs: number, limit: number): Promise<ClaimedDelivery[]> {
    const leaseUntil = new Date(now.getTime() + leaseMs);
    return this.prisma.$queryRaw<ClaimedDelivery[]>`
      UPDATE "OutboxDelivery"
      SET "leaseUntil" = ${leaseUntil}, "leasedBy" = ${owner}, "attempts" = "attempts" + 1
      WHERE "id" IN (
        SELECT d."id" FROM "OutboxDelivery" d
        WHERE d."status" = 'pending' AND d."handler" = ANY(${handlers})
          AND (d."availableAt" IS NULL OR d."availableAt" <= ${now})
          AND (d."leaseUntil" IS NULL OR d."leaseUntil" <= ${now})
          AND NOT EXISTS (
            SELECT 1 FROM "OutboxDelivery" earlier
            WHERE earlier."aboutKey" = d."aboutKey" AND earlier."subscriber" = d."subscriber" AND earlier."id" < d."id"
              AND earlier."status" = 'pending')
        ORDER BY d."id"
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED)
      RETURNING "id", "event", "handler", "payload", "attempts"`;
  }

  /** Moves this replica's leases on the deliveries it is still running to `leaseUntil`. */
  async renew(owner: string, ids: number[], leaseUntil: Date): Promise<void> {
    await this.prisma.outboxDelivery.updateMany({ where: { id: { in: ids }, leasedBy: owner, status: "pending" }, data: { leaseUntil } });
  }

  /** Frees every lease: only for a replica that knows no other can be running (see EventBus.start). */
  async releaseAllLeases(): Promise<void> {
    await this.prisma.outboxDelivery.updateMany({ where: { leasedBy: { not: null } }, data: { leaseUntil: null, leasedBy: null } });
  }

  async state(): Promise<{ pending: number; retrying: number; failed: number }> {
    const [counts] = await this.prisma.$queryRaw<{ pending: number; retrying: number; failed: number }[]>`
      SELECT count(*) FILTER (WHERE "status" = 'pending')::int AS "pending",
             count(*) FILTER (WHERE "status" = 'pending' AND "attempts" > 0 AND "leaseUntil" IS NULL)::int AS "retrying",
             count(*) FILTER (WHERE "status" = 'failed')::int AS "failed"
        FROM "OutboxDelivery"`;
    return counts;
  }

  /**
   * Deletes a delivered row, unless another replica took it over after this one's lease ran out. The deliveries that
   * finish in one turn of the event loop are deleted by one statement: in a burst they finish by the hundred a second,
   * and a statement each cost more than the deliveries' own work. A crash before the statement runs sends those
   * again, like a crash just after a send (see the README's outbox section).
   */
  complete(delivery: ClaimedDelivery, owner: string): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.completions.length === 0) setImmediate(() => void this.deleteCompleted());
      this.completions.push({ id: delivery.id, owner, settle: { resolve, reject } });
    });
  }

  private async deleteCompleted(): Promise<void> {
    const batch = this.completions;
    this.completions = [];
    const owners = [...new Set(batch.map((completion) => completion.owner))];
    try {
      for (const owner of owners) {
        const ids = batch.filter((completion) => completion.owner === owner).map((completion) => completion.id);
        await this.prisma.outboxDelivery.deleteMany({ where: { id: { in: ids }, leasedBy: owner } });
      }
      for (const completion of batch) completion.settle.resolve();
    } catch (error) {
      for (const completion of batch) completion.settle.reject(error);
    }
  }

  /** A failed attempt waits until `retryAt`; with no `retryAt` the delivery is given up (kept, for the operator). */
  async fail(delivery: ClaimedDelivery, owner: string, error: string, retryAt: Date | null): Promise<void> {
    await this.prisma.outboxDelivery.updateMany({
      where: { id: delivery.id, leasedBy: owner },
      data: retryAt
        ? { availableAt: retryAt, leaseUntil: null, leasedBy: null, lastError: error.slice(0, 1000) }
        : { status: "failed", leaseUntil: null, leasedBy: null, lastError: error.slice(0, 1000) },
    });
  }
}
