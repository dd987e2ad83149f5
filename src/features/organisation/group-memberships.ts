import type { ChatChannel } from "../../core/actor.js";
import { recordAudit } from "../../core/audit.js";
import type { Clock } from "../../core/clock.js";
import type { Tx } from "../../core/transaction.js";
import type { Prisma } from "../../db/database.js";
import type { DirectoryGroup, GroupMembership } from "../../db/generated/client.js";
import { ROLE_CONTROLS } from "./controls.js";
import type { PeopleDirectory } from "./people-directory.js";
import { grantInEffect } from "./role-holders.js";

export interface GroupMembershipsDeps {
  prisma: Prisma;
  clock: Clock;
  people: PeopleDirectory;
}

/** One replica's claim on syncing a group: the group as claimed, and how many sync requests it had then. */
export interface SyncClaim {
  group: DirectoryGroup;
  requests: number;
}

export interface MembershipChange {
  joined: string[];
  left: string[];
}

/** Long enough for a sync waiting out Slack's rate limits; a replica that dies mid-sync frees the group after it. */
const SYNC_LEASE_MS = 15 * 60_000;

/**
 * The members of the groups roles are bound to (a Slack user group, a Teams team), kept as the platform lists them
 * (ISO 42001 5.3, A.3.2): who was in the group from when to when. A sync is claimed by one replica at a time, and
 * writing the members takes the group's lock, so two syncs at once still leave one open row per member.
 */
export class GroupMemberships {
  constructor(private readonly deps: GroupMembershipsDeps) {}

  /** Bound groups on the channel that were never synced, were synced before `staleBefore`, or failed last time. */
  due(channel: ChatChannel, staleBefore: Date): Promise<DirectoryGroup[]> {
    return this.deps.prisma.directoryGroup.findMany({
      where: { channel, ...this.bound(), OR: [{ syncedAt: null }, { syncedAt: { lt: staleBefore } }, { NOT: { syncError: null } }] },
      orderBy: { createdAt: "asc" },
    });
  }

  /**
   * The platform says a group's members or name changed: counts the request, so a sync running now runs again.
   * Returns the group when a role is bound to it (the only groups the bot keeps in sync), else null.
   */
  async requestSync(channel: ChatChannel, externalId: string, name?: string): Promise<DirectoryGroup | null> {
    const { prisma } = this.deps;
    await prisma.directoryGroup.updateMany({ where: { channel, externalId }, data: { syncRequests: { increment: 1 }, ...(name ? { name } : {}) } });
    return prisma.directoryGroup.findFirst({ where: { channel, externalId, ...this.bound() } });
  }

  /** Claims the group's sync for `holder`, or null while another sync holds it (or, with `staleBefore`, it is fresh). */
  async claim(groupId: string, holder: string, staleBefore?: Date): Promise<SyncClaim | null> {
    const { prisma, clock } = this.deps;
    const now = clock.now();
    const stillDue = staleBefore ? { OR: [{ syncedAt: null }, { syncedAt: { lt: staleBefore } }, { NOT: { syncError: null } }] } : {};
    const claimed = await prisma.directoryGroup.updateMany({
      where: { id: groupId, AND: [{ OR: [{ syncLeaseUntil: null }, { syncLeaseUntil: { lte: now } }] }, stillDue] },
      data: { syncLeaseHolder: holder, syncLeaseUntil: new Date(now.getTime() + SYNC_LEASE_MS) },
    });
    if (claimed.count === 0) return null;
    const group = await prisma.directoryGroup.findUniqueOrThrow({ where: { id: groupId } });
    return { group, requests: group.syncRequests };
  }

  /** Writes the members the platform listed: new ones join now, missing ones leave now, each change audited. */
  async applyMembers(groupId: string, memberIds: readonly string[]): Promise<MembershipChange> {
    const { prisma, clock, people } = this.deps;
    return prisma.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`aims-group:${groupId}`}))`;
      const group = await tx.directoryGroup.findUniqueOrThrow({ where: { id: groupId } });
      const now = clock.now();
      const current = await tx.groupMembership.findMany({ where: { groupId, until: null } });
      const listed = new Set(memberIds);
      const present = new Set(current.map((membership) => membership.externalId));
      const left = current.filter((membership) => !listed.has(membership.externalId));
      for (const membership of left) {
        const after = await tx.groupMembership.update({ where: { id: membership.id }, data: { until: now } });
        await this.audit(tx, "group_membership.left", group, membership, after);
      }
      const joined = [...listed].filter((id) => !present.has(id));
      for (const externalId of joined) {
        // Roles are checked on chat identities: a member the bot has never seen gets one now.
        await people.ensureIn(tx, { channel: group.channel, id: externalId });
        const membership = await tx.groupMembership.create({ data: { groupId, channel: group.channel, externalId, since: now } });
        await this.audit(tx, "group_membership.joined", group, null, membership);
      }
      await tx.directoryGroup.update({ where: { id: groupId }, data: { syncedAt: now, syncError: null } });
      return { joined, left: left.map((membership) => membership.externalId) };
    });
  }

  /**
   * Ends `holder`'s claim, recording the error of a failed sync (retried at the next resync). True when the
   * platform reported another change while it ran, so the caller syncs again.
   */
  async release(claim: SyncClaim, holder: string, error: string | null): Promise<boolean> {
    const { prisma } = this.deps;
    await prisma.directoryGroup.updateMany({
      where: { id: claim.group.id, syncLeaseHolder: holder },
      data: { syncLeaseHolder: null, syncLeaseUntil: null, ...(error ? { syncError: error } : {}) },
    });
    const group = await prisma.directoryGroup.findUniqueOrThrow({ where: { id: claim.group.id } });
    return !error && group.syncRequests > claim.requests;
  }

  private bound() {
    return { grants: { some: grantInEffect(this.deps.clock.now()) } };
  }

  private audit(tx: Tx, action: string, group: DirectoryGroup, before: GroupMembership | null, after: GroupMembership): Promise<void> {
    return recordAudit(tx, this.deps.clock, {
      actor: null,
      action,
      entityType: "group_membership",
      entityId: String(after.id),
      before,
      after: { ...after, group: group.name },
      controls: ROLE_CONTROLS,
    });
  }
}
