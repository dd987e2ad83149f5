import type { Prisma } from "../../db/database.js";
import { AUDIT_GENESIS_HASH, hashAuditEvent } from "../../core/audit.js";

/** Lets one sealer at a time extend the chain, across transactions and replicas (arbitrary constant, "AIMS"). */
const AUDIT_SEAL_LOCK = 0x41494d53;
const DEFAULT_BATCH_SIZE = 500;

export interface SealOptions {
  batchSize?: number;
  /**
   * Wait for a sealer running elsewhere, then seal what is left: for readers that need the chain up to now. Without
   * it a busy lock means someone else is sealing, and this call returns at once.
   */
  wait?: boolean;
}

export interface SealReport {
  sealed: number;
  /** How long the oldest event sealed had waited since its insert (database time), or null when none was sealed. */
  longestWaitMs: number | null;
}

type Batch = { sealed: number; longestWaitMs: number | null; busy: boolean };

/** One indexed read, no transaction: what the sealer asks on each look before it starts sealing. */
export async function hasUnsealedEvents(prisma: Prisma): Promise<boolean> {
  const [{ pending }] = await prisma.$queryRaw<{ pending: boolean }[]>`
    SELECT EXISTS (SELECT 1 FROM "AuditEvent" WHERE "sealSeq" IS NULL) AS "pending"`;
  return pending;
}

/**
 * Links committed, unsealed events into the hash chain in id order, a batch per transaction, until none is left.
 * An event whose transaction commits after a later id's is simply sealed after it: chain order is seal order.
 */
export async function sealPending(prisma: Prisma, options: SealOptions = {}): Promise<SealReport> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const report: SealReport = { sealed: 0, longestWaitMs: null };
  for (;;) {
    const batch = await sealBatch(prisma, batchSize, options.wait ?? false);
    report.sealed += batch.sealed;
    if (batch.longestWaitMs !== null) report.longestWaitMs = Math.max(report.longestWaitMs ?? 0, batch.longestWaitMs);
    if (batch.busy || batch.sealed < batchSize) return report;
  }
}

function sealBatch(prisma: Prisma, batchSize: number, wait: boolean): Promise<Batch> {
  return prisma.$transaction(async (tx) => {
    if (wait) {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_SEAL_LOCK})`;
    } else {
      const [{ locked }] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(${AUDIT_SEAL_LOCK}) AS locked`;
      if (!locked) return { sealed: 0, longestWaitMs: null, busy: true };
    }
    const pending = await tx.auditEvent.findMany({ where: { sealSeq: null }, orderBy: { id: "asc" }, take: batchSize });
    if (pending.length === 0) return { sealed: 0, longestWaitMs: null, busy: false };
    const head = await tx.auditEvent.findFirst({ where: { sealSeq: { not: null } }, orderBy: { sealSeq: "desc" }, select: { sealSeq: true, hash: true } });

    let sealSeq = head?.sealSeq ?? 0;
    let prevHash = head?.hash ?? AUDIT_GENESIS_HASH;
    const ids: number[] = [];
    const seqs: number[] = [];
    const prevHashes: string[] = [];
    const hashes: string[] = [];
    for (const event of pending) {
      sealSeq += 1;
      const hash = hashAuditEvent(event, { sealSeq, prevHash });
      ids.push(event.id);
      seqs.push(sealSeq);
      prevHashes.push(prevHash);
      hashes.push(hash);
      prevHash = hash;
    }
    await tx.$executeRaw`
      UPDATE "AuditEvent" AS e SET "sealSeq" = s.seq, "prevHash" = s.prev, "hash" = s.hash
        FROM unnest(${ids}::int[], ${seqs}::int[], ${prevHashes}::text[], ${hashes}::text[]) AS s(id, seq, prev, hash)
       WHERE e."id" = s.id`;
    // Both sides in database time (recordedAt is a timestamp without time zone, in the session's zone).
    const [{ waitMs }] = await tx.$queryRaw<{ waitMs: number }[]>`
      SELECT (EXTRACT(EPOCH FROM clock_timestamp()::timestamp - min("recordedAt")) * 1000)::float8 AS "waitMs"
        FROM "AuditEvent" WHERE "id" = ANY(${ids}::int[])`;
    return { sealed: pending.length, longestWaitMs: Math.max(0, waitMs), busy: false };
  });
}
