import type { Prisma, UrgentWriter } from "../../db/database.js";
import { perTurnBatch } from "../per-turn-batch.js";
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

/** The outbox's rows: written in a change's transaction, claimed under a lease, deleted once delivered. */
export class OutboxStore {
  private readonly deleteDelivered: (delivery: { id: number; owner: string }) => Promise<void>;
  private readonly writeStandBy: (delivery: NewDelivery & { availableAt: Date }) => Promise<number>;
  /** Deletes stand-by deliveries whose work finished, whoever leases them (see standBy); batched like complete. */
  readonly withdraw: (id: number) => Promise<void>;

  /** `urgent` writes stand-by records (see Database.urgent); without it there are none to write. */
  constructor(
    private readonly prisma: Prisma,
    urgent?: UrgentWriter,
  ) {
    this.deleteDelivered = perTurnBatch(async (done: { id: number; owner: string }[]) => {
      for (const owner of new Set(done.map((entry) => entry.owner))) {
        const ids = done.filter((entry) => entry.owner === owner).map((entry) => entry.id);
        await prisma.outboxDelivery.deleteMany({ where: { id: { in: ids }, leasedBy: owner } });
      }
      return done.map(() => undefined);
    });
    this.withdraw = perTurnBatch(async (ids: number[]) => {
      await prisma.outboxDelivery.deleteMany({ where: { id: { in: ids } } });
      return ids.map(() => undefined);
    });
    this.writeStandBy = perTurnBatch(async (deliveries) => {
      if (!urgent) throw new Error("stand-by records need the database's urgent writer (Database.urgent)");
      return insertStandBy(urgent, deliveries);
    });
  }

  /**
   * Deletes a delivered row, unless another replica took it over after this one's lease ran out. The deliveries that
   * finish in one turn of the event loop are deleted by one statement: in a burst they finish by the hundred a second,
   * and a statement each cost more than the deliveries' own work. A crash before the statement runs sends those
   * again, like a crash just after a send (see the README's outbox section).
   */
  complete(delivery: ClaimedDelivery, owner: string): Promise<void> {
    return this.deleteDelivered({ id: delivery.id, owner });
  }

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
   * Writes a delivery due only at `availableAt`, committed at once: the record of work this process has promised
   * someone and is still doing, so that any replica does it should this one die first. `withdraw` it once done.
   */
  standBy(delivery: NewDelivery, availableAt: Date): Promise<number> {
    return this.writeStandBy({ ...delivery, availableAt });
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

/** One INSERT for the batch. Ids are taken in the order the rows are inserted (`ORDER BY n`), so sorted they match. */
async function insertStandBy(writer: UrgentWriter, deliveries: (NewDelivery & { availableAt: Date })[]): Promise<number[]> {
  const column = <T>(pick: (delivery: NewDelivery & { availableAt: Date }) => T) => deliveries.map(pick);
  const { rows } = await writer.query(
    `INSERT INTO "OutboxDelivery" ("event", "subscriber", "handler", "aboutKey", "payload", "availableAt")
     SELECT e, s, h, a, p, t FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::jsonb[], $6::timestamp(3)[]) WITH ORDINALITY AS d(e, s, h, a, p, t, n)
     ORDER BY n
     RETURNING "id"`,
    [
      column((d) => d.event),
      column((d) => d.subscriber),
      column((d) => d.handler),
      column((d) => d.aboutKey),
      column((d) => JSON.stringify(d.payload)),
      // The column holds UTC without a zone, as Prisma writes it.
      column((d) => d.availableAt.toISOString().slice(0, -1)),
    ],
  );
  return rows.map((row) => Number(row.id)).sort((a, b) => a - b);
}
