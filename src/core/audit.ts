import { createHash } from "node:crypto";
import type { Actor, ChatChannel } from "./actor.js";
import type { Clock } from "./clock.js";
import { canonicalJson, toJsonValue } from "./canonical-json.js";
import type { Tx } from "./transaction.js";

/** prevHash of the first event in the chain. */
export const AUDIT_GENESIS_HASH = "0".repeat(64);

/** Serialises appends to the chain across transactions and replicas (arbitrary constant, "AIMS"). */
const AUDIT_CHAIN_LOCK = 0x41494d53;

export interface AuditChange {
  /** null for the system itself, and for anonymous reporters, whose identity is never recorded. */
  actor: Pick<Actor, "channel" | "id"> | null;
  action: string;
  entityType: string;
  entityId: string | number;
  before?: unknown;
  after?: unknown;
  controls: readonly string[];
}

export interface HashedAuditFields {
  occurredAt: Date;
  actorChannel: ChatChannel | null;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  controls: readonly string[];
  prevHash: string;
}

/** sha256 over the canonical JSON of every field of the event except its own hash. */
export function hashAuditEvent(event: HashedAuditFields): string {
  return createHash("sha256")
    .update(
      canonicalJson({
        occurredAt: event.occurredAt.toISOString(),
        actorChannel: event.actorChannel,
        actorId: event.actorId,
        action: event.action,
        entityType: event.entityType,
        entityId: event.entityId,
        before: event.before ?? null,
        after: event.after ?? null,
        controls: [...event.controls],
        prevHash: event.prevHash,
      }),
    )
    .digest("hex");
}

/** Appends one event to the audit chain inside the caller's transaction, so it commits or rolls back with the change. */
export async function recordAudit(tx: Tx, clock: Clock, change: AuditChange): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`;
  const head = await tx.auditEvent.findFirst({ orderBy: { id: "desc" }, select: { hash: true } });
  const fields: HashedAuditFields = {
    occurredAt: clock.now(),
    actorChannel: change.actor?.channel ?? null,
    actorId: change.actor?.id ?? null,
    action: change.action,
    entityType: change.entityType,
    entityId: String(change.entityId),
    before: toJsonValue(change.before ?? null),
    after: toJsonValue(change.after ?? null),
    controls: change.controls,
    prevHash: head?.hash ?? AUDIT_GENESIS_HASH,
  };
  await tx.auditEvent.create({
    data: {
      ...fields,
      before: fields.before as never,
      after: fields.after as never,
      controls: [...fields.controls],
      hash: hashAuditEvent(fields),
    },
  });
}
