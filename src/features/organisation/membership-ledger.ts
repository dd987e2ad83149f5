import { recordAudit } from "../../core/audit.js";
import type { ChatChannel } from "../../core/actor.js";
import type { Tx } from "../../core/transaction.js";
import { ROLE_CONTROLS } from "./controls.js";

/** Why a membership opened or closed: the platform's own report of a join or leave, or a read of the whole group. */
export type MembershipSource = "member event" | "group sync";

interface MembershipChange {
  groupId: string;
  channel: ChatChannel;
  externalId: string;
  at: Date;
  source: MembershipSource;
}

const entityId = (change: MembershipChange) => `${change.groupId}:${change.channel}:${change.externalId}`;

/**
 * An account joins a group a role may be bound to: a membership opens from `at`, unless one is open already. Audited,
 * since it can grant a role (ISO 42001 5.3, A.3.2). Returns whether it opened one.
 */
export async function openMembership(tx: Tx, change: MembershipChange): Promise<boolean> {
  const { groupId, channel, externalId, at } = change;
  const open = await tx.groupMembership.findFirst({ where: { groupId, channel, externalId, until: null } });
  if (open) return false;
  const created = await tx.groupMembership.create({ data: { groupId, channel, externalId, since: at } });
  await recordAudit(tx, { now: () => at }, {
    actor: null,
    action: "group_membership.opened",
    entityType: "group_membership",
    entityId: entityId(change),
    before: null,
    after: { ...created, source: change.source },
    controls: ROLE_CONTROLS,
  });
  return true;
}

/** An account left a group: its open membership ends at `at`. Audited. Returns whether one was open. */
export async function closeMembership(tx: Tx, change: MembershipChange): Promise<boolean> {
  const { groupId, channel, externalId, at } = change;
  const open = await tx.groupMembership.findFirst({ where: { groupId, channel, externalId, until: null } });
  if (!open) return false;
  const closed = await tx.groupMembership.updateMany({ where: { id: open.id, until: null }, data: { until: at } });
  if (closed.count === 0) return false;
  await recordAudit(tx, { now: () => at }, {
    actor: null,
    action: "group_membership.closed",
    entityType: "group_membership",
    entityId: entityId(change),
    before: open,
    after: { ...open, until: at, source: change.source },
    controls: ROLE_CONTROLS,
  });
  return true;
}
