import type { AuditEvent } from "../../db/generated/client.js";
import type { Prisma } from "../../db/database.js";
import { AUDIT_GENESIS_HASH, hashAuditEvent } from "../../core/audit.js";

export interface ChainHead {
  readonly id: number;
  readonly hash: string;
}

export type ChainVerification =
  | { readonly ok: true; readonly eventCount: number; readonly head: ChainHead | null }
  | {
      readonly ok: false;
      readonly eventCount: number;
      /** The first event that does not fit the chain (or the expected head that is missing). */
      readonly brokenAt: { readonly eventId: number; readonly problem: string };
    };

export interface VerifyOptions {
  batchSize?: number;
  /** A head published earlier (e.g. in an audit pack): it must still be in the chain, with the same hash. */
  expectedHead?: ChainHead;
  onProgress?: (checked: number) => void;
}

type AuditReader = Pick<Prisma, "auditEvent">;

/**
 * Walks the audit chain from the genesis event in id order, a batch at a time, recomputing each event's hash from its
 * contents and checking it links to the one before. An edited event no longer matches its hash; a deleted or
 * inserted one breaks the link of the event after it; a truncated tail is caught by checking an expected head.
 */
export async function verifyAuditChain(db: AuditReader, options: VerifyOptions = {}): Promise<ChainVerification> {
  const batchSize = options.batchSize ?? 1000;
  let previousHash = AUDIT_GENESIS_HASH;
  let head: ChainHead | null = null;
  let eventCount = 0;
  const broken = (eventId: number, problem: string): ChainVerification => ({ ok: false, eventCount, brokenAt: { eventId, problem } });

  for (;;) {
    const batch: AuditEvent[] = await db.auditEvent.findMany({
      where: head ? { id: { gt: head.id } } : undefined,
      orderBy: { id: "asc" },
      take: batchSize,
    });
    for (const event of batch) {
      const problem = linkProblem(event, previousHash, head);
      if (problem) return broken(event.id, problem);
      const expected = options.expectedHead;
      if (expected && event.id === expected.id && event.hash !== expected.hash) {
        return broken(event.id, `the published head #${expected.id} had hash ${expected.hash}; the chain now has ${event.hash}`);
      }
      eventCount += 1;
      previousHash = event.hash;
      head = { id: event.id, hash: event.hash };
    }
    options.onProgress?.(eventCount);
    if (batch.length < batchSize) break;
  }

  const expected = options.expectedHead;
  if (expected && (head?.id ?? 0) < expected.id) {
    return broken(expected.id, `the published head #${expected.id} is missing: the chain ends at ${head ? `#${head.id}` : "no events"} (events were removed)`);
  }
  return { ok: true, eventCount, head };
}

function linkProblem(event: AuditEvent, previousHash: string, previous: ChainHead | null): string | null {
  if (event.prevHash !== previousHash) {
    const after = previous ? `event #${previous.id}` : "the genesis hash";
    return `prevHash ${event.prevHash} does not match ${after} (${previousHash}): an event before it was removed, inserted or re-hashed`;
  }
  const recomputed = hashAuditEvent({ ...event, controls: event.controls ?? [] });
  if (recomputed !== event.hash) {
    return `stored hash ${event.hash} does not match its contents (recomputed ${recomputed}): the event was edited`;
  }
  return null;
}

export function describeVerification(result: ChainVerification): string {
  if (!result.ok) {
    return `Audit trail BROKEN at event #${result.brokenAt.eventId} after ${result.eventCount} valid event(s): ${result.brokenAt.problem}`;
  }
  if (!result.head) return "Audit trail verified: no events yet.";
  return `Audit trail verified: ${result.eventCount} event(s), head #${result.head.id} ${result.head.hash}`;
}
