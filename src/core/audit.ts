import { createHash, randomBytes } from "node:crypto";
import type { Actor, ChatChannel } from "./actor.js";
import type { Clock } from "./clock.js";
import { canonicalJson, toJsonValue } from "./canonical-json.js";
import { commitmentsOf, commitPersonalFields, withValuesAt, type PersonalFields } from "./personal-fields.js";
import type { Tx } from "./transaction.js";

/** prevHash of the first event in the chain. */
export const AUDIT_GENESIS_HASH = "0".repeat(64);

/** The hash version new events get: 3 commits to each personal field of before/after (see personal-fields.ts). */
export const CURRENT_HASH_VERSION = 3;

export interface AuditChange {
  /** null for the system itself, and for anonymous reporters, whose identity is never recorded. */
  actor: Pick<Actor, "channel" | "id"> | null;
  action: string;
  entityType: string;
  entityId: string | number;
  before?: unknown;
  after?: unknown;
  controls: readonly string[];
  /**
   * Keep no recording time: an anonymous reporter's event, which the caller dates to the day only (its clock), so
   * that nothing in the database dates the report.
   */
  undated?: boolean;
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/** What the chain hashes in place of an actor id: erasing the id and its salt later leaves the hash valid. */
export function actorCommitment(salt: string | null, actorId: string | null): string | null {
  return salt === null || actorId === null ? null : sha256(`${salt}:${actorId}`);
}

/**
 * Writes one event inside the caller's transaction, so it commits or rolls back with the change. It takes no lock
 * and reads nothing: the sealer (audit-sealer.ts) links it into the hash chain once it has committed.
 */
export async function recordAudit(tx: Tx, clock: Clock, change: AuditChange): Promise<void> {
  const actorId = change.actor?.id ?? null;
  const actorSalt = actorId === null ? null : randomBytes(16).toString("hex");
  const snapshots = { before: toJsonValue(change.before ?? null), after: toJsonValue(change.after ?? null) };
  const personalFields = commitPersonalFields(snapshots);
  await tx.auditEvent.create({
    data: {
      occurredAt: clock.now(),
      actorChannel: change.actor?.channel ?? null,
      actorId,
      actorSalt,
      actorCommitment: actorCommitment(actorSalt, actorId),
      action: change.action,
      entityType: change.entityType,
      entityId: String(change.entityId),
      before: snapshots.before as never,
      after: snapshots.after as never,
      controls: [...change.controls],
      hashVersion: CURRENT_HASH_VERSION,
      ...(personalFields ? { personalFields } : {}),
      ...(change.undated ? { recordedAt: null } : {}),
    },
  });
}

/** An event as stored, with what sealing gives it. */
export interface SealableAuditEvent {
  id: number;
  occurredAt: Date;
  recordedAt: Date | null;
  actorChannel: ChatChannel | null;
  actorId: string | null;
  actorCommitment: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  controls: readonly string[] | null;
  hashVersion: number;
  /** Version 3: the commitment (and, until erased, the salt) of each personal field of before/after. */
  personalFields: unknown;
}

export interface ChainLink {
  sealSeq: number;
  prevHash: string;
}

/**
 * sha256 over the canonical JSON of every field of the event (its chain position included) except its own hash.
 * Version 3 hashes each personal field of before/after as its commitment (the value nulled), so the value and its
 * salt can be erased later and the hash still checks.
 */
export function hashAuditEvent(event: SealableAuditEvent, link: ChainLink): string {
  const personalFields = event.hashVersion >= 3 ? ((event.personalFields ?? null) as PersonalFields | null) : null;
  const snapshots = { before: event.before ?? null, after: event.after ?? null };
  const hashed = personalFields ? withValuesAt(snapshots, Object.keys(personalFields), () => null) : snapshots;
  const common = {
    occurredAt: event.occurredAt.toISOString(),
    actorChannel: event.actorChannel,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId,
    before: hashed.before,
    after: hashed.after,
    controls: [...(event.controls ?? [])],
    prevHash: link.prevHash,
  };
  if (event.hashVersion === 1) return sha256(canonicalJson({ ...common, actorId: event.actorId }));
  return sha256(
    canonicalJson({
      ...common,
      hashVersion: event.hashVersion,
      id: event.id,
      sealSeq: link.sealSeq,
      recordedAt: event.recordedAt?.toISOString() ?? null,
      actorCommitment: event.actorCommitment,
      ...(event.hashVersion >= 3 ? { personalCommitments: commitmentsOf(personalFields) } : {}),
    }),
  );
}
