import type { AuditEvent } from "../../db/generated/client.js";
import type { Prisma } from "../../db/database.js";
import { actorCommitment, AUDIT_GENESIS_HASH, hashAuditEvent } from "../../core/audit.js";
import { ERASED_FIELDS_KEY, personalFieldProblem, type PersonalFields } from "../../core/personal-fields.js";

/** How long a committed event may wait for the sealer before verification reports it. */
export const UNSEALED_REPORT_AFTER_MS = 60_000;

export interface ChainHead {
  readonly id: number;
  readonly hash: string;
}

export type ChainVerification = (
  | { readonly ok: true; readonly eventCount: number; readonly head: ChainHead | null }
  | {
      readonly ok: false;
      readonly eventCount: number;
      /** The first event that does not fit the chain (or the expected head that is missing). */
      readonly brokenAt: { readonly eventId: number; readonly problem: string };
    }
) & {
  /** Events still outside the chain after UNSEALED_REPORT_AFTER_MS: the sealer is not running, or cannot keep up. */
  readonly staleUnsealed: number;
};

export interface VerifyOptions {
  batchSize?: number;
  /** A head published earlier (e.g. in an audit pack): it must still be in the chain, with the same hash. */
  expectedHead?: ChainHead;
  onProgress?: (checked: number) => void;
}

type AuditReader = Pick<Prisma, "auditEvent" | "$queryRaw">;

/**
 * Walks the audit chain from the genesis event in seal order, a batch at a time, recomputing each event's hash from
 * its contents and position and checking it links to the one before. An edited or reordered event no longer matches
 * its hash; a deleted or inserted one breaks the link of the event after it; a truncated tail is caught by checking
 * an expected head. Only sealed events are in the chain: seal first (seal-chain.ts) to verify up to now.
 */
export async function verifyAuditChain(db: AuditReader, options: VerifyOptions = {}): Promise<ChainVerification> {
  const batchSize = options.batchSize ?? 1000;
  let previousHash = AUDIT_GENESIS_HASH;
  let head: ChainHead | null = null;
  let lastSealSeq = 0;
  let eventCount = 0;
  let reachedExpectedHead = false;
  const erasures = new ErasureLedger();
  const staleUnsealed = await countStaleUnsealed(db);
  const broken = (eventId: number, problem: string): ChainVerification => ({ ok: false, eventCount, brokenAt: { eventId, problem }, staleUnsealed });

  for (;;) {
    const batch: AuditEvent[] = await db.auditEvent.findMany({
      where: { sealSeq: { gt: lastSealSeq } },
      orderBy: { sealSeq: "asc" },
      take: batchSize,
    });
    for (const event of batch) {
      const problem = linkProblem(event, previousHash, head);
      if (problem) return broken(event.id, problem);
      const expected = options.expectedHead;
      if (expected && event.id === expected.id) {
        if (event.hash !== expected.hash) {
          return broken(event.id, `the published head #${expected.id} had hash ${expected.hash}; the chain now has ${event.hash}`);
        }
        reachedExpectedHead = true;
      }
      erasures.note(event);
      eventCount += 1;
      previousHash = event.hash!;
      lastSealSeq = event.sealSeq!;
      head = { id: event.id, hash: event.hash! };
    }
    options.onProgress?.(eventCount);
    if (batch.length < batchSize) break;
  }

  const unrecorded = erasures.firstUnrecorded();
  if (unrecorded) {
    return broken(unrecorded.eventId, `the personal field ${unrecorded.path} was removed with its salt, but no erasure in the chain lists it: the event was edited`);
  }
  const expected = options.expectedHead;
  // Ids are not in chain order (a late commit is sealed after higher ids), so the head is looked for, not compared.
  if (expected && !reachedExpectedHead) {
    return broken(expected.id, `the published head #${expected.id} is missing: the chain ends at ${head ? `#${head.id}` : "no events"} (events were removed)`);
  }
  return { ok: true, eventCount, head, staleUnsealed };
}

/**
 * Erased personal fields (no salt left) of version 3 events, and the fields erasures say they erased: every one of
 * the first must be among the second, so removing a salt to hide an edit is caught. Erasures are usually sealed after
 * the events they erase, so the two are compared once the walk is done.
 */
class ErasureLedger {
  private readonly erased = new Map<string, { eventId: number; path: string }>();
  private readonly recorded = new Set<string>();

  note(event: AuditEvent): void {
    if (event.hashVersion < 3) return;
    for (const [path, field] of Object.entries((event.personalFields ?? {}) as PersonalFields)) {
      if (field.s === undefined) this.erased.set(`${event.id}|${path}`, { eventId: event.id, path });
    }
    const listed = (event.after as Record<string, unknown> | null)?.[ERASED_FIELDS_KEY];
    if (!listed || typeof listed !== "object") return;
    for (const [eventId, paths] of Object.entries(listed as Record<string, unknown>)) {
      if (Array.isArray(paths)) for (const path of paths) this.recorded.add(`${eventId}|${String(path)}`);
    }
  }

  firstUnrecorded(): { eventId: number; path: string } | undefined {
    for (const [key, field] of this.erased) if (!this.recorded.has(key)) return field;
    return undefined;
  }
}

async function countStaleUnsealed(db: AuditReader): Promise<number> {
  const [{ count }] = await db.$queryRaw<{ count: number }[]>`
    SELECT count(*)::int AS count FROM "AuditEvent"
     WHERE "sealSeq" IS NULL AND "recordedAt" < clock_timestamp()::timestamp - make_interval(secs => ${UNSEALED_REPORT_AFTER_MS / 1000})`;
  return count;
}

function linkProblem(event: AuditEvent, previousHash: string, previous: ChainHead | null): string | null {
  if (event.prevHash !== previousHash) {
    const after = previous ? `event #${previous.id}` : "the genesis hash";
    return `prevHash ${event.prevHash} does not match ${after} (${previousHash}): an event before it was removed, inserted or re-hashed`;
  }
  const recomputed = hashAuditEvent(event, { sealSeq: event.sealSeq!, prevHash: event.prevHash });
  if (recomputed !== event.hash) {
    return `stored hash ${event.hash} does not match its contents (recomputed ${recomputed}): the event was edited or moved`;
  }
  // An erased actor (id and salt removed) keeps its commitment; a present one must be the person the chain committed to.
  if (event.hashVersion > 1 && event.actorId !== null && actorCommitment(event.actorSalt, event.actorId) !== event.actorCommitment) {
    return `actor ${event.actorId} does not match the actor the event committed to: the event was edited`;
  }
  // Likewise each personal field still holding its salt must hold the value committed to; erased ones have none.
  if (event.hashVersion >= 3) {
    const problem = personalFieldProblem({ before: event.before, after: event.after }, event.personalFields as PersonalFields | null);
    if (problem) return `${problem}: the event was edited`;
  }
  return null;
}

export function describeVerification(result: ChainVerification): string {
  const stale =
    result.staleUnsealed > 0
      ? ` WARNING: ${result.staleUnsealed} event(s) waited more than ${UNSEALED_REPORT_AFTER_MS / 1000} s to be sealed into the chain.`
      : "";
  if (!result.ok) {
    return `Audit trail BROKEN at event #${result.brokenAt.eventId} after ${result.eventCount} valid event(s): ${result.brokenAt.problem}${stale}`;
  }
  if (!result.head) return `Audit trail verified: no events yet.${stale}`;
  return `Audit trail verified: ${result.eventCount} event(s), head #${result.head.id} ${result.head.hash}${stale}`;
}
