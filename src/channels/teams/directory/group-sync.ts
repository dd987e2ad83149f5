import { randomUUID } from "node:crypto";
import type { Core } from "../../../app/core.js";
import type { Logger } from "../../../log/logger.js";
import { closeMembership, openMembership } from "../../../features/organisation/membership-ledger.js";
import { grantInEffect } from "../../../features/organisation/role-holders.js";
import type { DirectoryGroup } from "../../../db/generated/client.js";
import type { TeamsConversationStore } from "../conversation-store.js";
import { retryAfterMs } from "../transport/index.js";
import { rosterScopeOf } from "./teams-groups.js";
import type { RosterPage, TeamsRoster } from "./teams-roster.js";

export interface GroupSyncDeps {
  core: Core;
  roster: TeamsRoster;
  conversations: TeamsConversationStore;
  logger: Logger;
  /** TEAMS_GROUP_SYNC_HOURS */
  syncHours: number;
}

/** Long enough for a page and its writes; a replica that dies mid-pass leaves it to another after this. */
const LEASE_MS = 5 * 60_000;
/** The least wait after a failed pass before any replica tries that group again (longer if Teams asked). */
const RETRY_MS = 60_000;
const HOUR_MS = 3_600_000;

class LeaseLost extends Error {
  constructor() {
    super("another replica took over this group's sync");
  }
}

/**
 * Keeps the members of every Teams team and group chat a role is bound to in GroupMembership: reads the roster page
 * by page and opens a membership for each new member, then closes those of everyone the pass did not see. One
 * replica at a time holds a group's pass (a lease in the database); its continuation token and the members seen so
 * far are stored after each page, so a pass cut short resumes where it stopped, on any replica.
 */
export class TeamsGroupSync {
  private readonly owner = randomUUID();

  constructor(private readonly deps: GroupSyncDeps) {}

  /** Syncs each bound Teams group that is due; returns how many passes finished. */
  async syncDue(): Promise<number> {
    let finished = 0;
    for (const groupId of await this.dueGroups()) if (await this.syncGroup(groupId)) finished += 1;
    return finished;
  }

  /** Bound groups never read, read before their latest binding, read longer than TEAMS_GROUP_SYNC_HOURS ago, or mid-pass. */
  private async dueGroups(): Promise<string[]> {
    const now = this.deps.core.clock.now();
    const cutoff = new Date(now.getTime() - this.deps.syncHours * HOUR_MS);
    const groups = await this.deps.core.prisma.directoryGroup.findMany({
      where: { channel: "teams", grants: { some: grantInEffect(now) } },
      select: { id: true, syncedAt: true, grants: { where: grantInEffect(now), select: { effectiveFrom: true } } },
      orderBy: { createdAt: "asc" },
    });
    const due = (group: (typeof groups)[number]) =>
      !group.syncedAt || group.syncedAt <= cutoff || group.grants.some((grant) => grant.effectiveFrom > group.syncedAt!);
    return groups.filter(due).map((group) => group.id);
  }

  /** One whole pass over a group's roster, unless another replica holds it; returns whether it finished. */
  async syncGroup(groupId: string): Promise<boolean> {
    const claimed = await this.claim(groupId);
    if (!claimed) return false;
    const group = await this.deps.core.prisma.directoryGroup.findUniqueOrThrow({ where: { id: groupId } });
    try {
      const scope = await rosterScopeOf(this.deps.conversations, group.externalId);
      let token = claimed.continuationToken;
      do {
        const page = await this.deps.roster.page(scope, token);
        token = page.continuationToken;
        await this.recordPage(group, page);
      } while (token);
      await this.finish(group);
      return true;
    } catch (error) {
      this.deps.logger.warn({ err: error, groupId }, "could not read a Teams team's members; the pass resumes later");
      if (!(error instanceof LeaseLost)) await this.release(group, error);
      return false;
    }
  }

  /** Takes the group's lease when free; a new pass starts from an empty list of members seen. */
  private async claim(groupId: string): Promise<{ continuationToken: string | null } | null> {
    const { prisma, clock } = this.deps.core;
    const now = clock.now();
    await prisma.teamsGroupSync.createMany({ data: [{ groupId }], skipDuplicates: true });
    const taken = await prisma.teamsGroupSync.updateMany({
      where: { groupId, OR: [{ leaseUntil: null }, { leaseUntil: { lte: now } }] },
      data: { leaseUntil: new Date(now.getTime() + LEASE_MS), leasedBy: this.owner },
    });
    if (taken.count === 0) return null;
    const pass = await prisma.teamsGroupSync.findUniqueOrThrow({ where: { groupId } });
    if (pass.runStartedAt) return { continuationToken: pass.continuationToken };
    await prisma.$transaction(async (tx) => {
      await tx.teamsGroupSyncSeen.deleteMany({ where: { groupId } });
      await tx.teamsGroupSync.update({ where: { groupId }, data: { runStartedAt: now, continuationToken: null } });
    });
    return { continuationToken: null };
  }

  private async recordPage(group: DirectoryGroup, page: RosterPage): Promise<void> {
    const { prisma, clock, directory } = this.deps.core;
    const now = clock.now();
    await prisma.$transaction(async (tx) => {
      const held = await tx.teamsGroupSync.updateMany({
        where: { groupId: group.id, leasedBy: this.owner },
        data: { continuationToken: page.continuationToken, leaseUntil: new Date(now.getTime() + LEASE_MS) },
      });
      if (held.count === 0) throw new LeaseLost();
      for (const member of page.members) {
        await directory.observeIn(tx, { channel: "teams", id: member.aadObjectId, name: member.name, verifiedEmail: member.email, deactivated: null });
        await openMembership(tx, { groupId: group.id, channel: "teams", externalId: member.aadObjectId, at: now, source: "group sync" });
      }
      await tx.teamsGroupSyncSeen.createMany({ data: page.members.map((member) => ({ groupId: group.id, externalId: member.aadObjectId })), skipDuplicates: true });
    });
  }

  /** The pass read every page: whoever it did not see has left. */
  private async finish(group: DirectoryGroup): Promise<void> {
    const { prisma, clock } = this.deps.core;
    const now = clock.now();
    await prisma.$transaction(async (tx) => {
      const pass = await tx.teamsGroupSync.findUnique({ where: { groupId: group.id } });
      if (pass?.leasedBy !== this.owner) throw new LeaseLost();
      const seen = new Set((await tx.teamsGroupSyncSeen.findMany({ where: { groupId: group.id }, select: { externalId: true } })).map((row) => row.externalId));
      const open = await tx.groupMembership.findMany({ where: { groupId: group.id, channel: "teams", until: null }, select: { externalId: true } });
      for (const { externalId } of open) {
        if (!seen.has(externalId)) await closeMembership(tx, { groupId: group.id, channel: "teams", externalId, at: now, source: "group sync" });
      }
      await tx.teamsGroupSyncSeen.deleteMany({ where: { groupId: group.id } });
      await tx.teamsGroupSync.update({ where: { groupId: group.id }, data: { runStartedAt: null, continuationToken: null, leaseUntil: null, leasedBy: null } });
      await tx.directoryGroup.update({ where: { id: group.id }, data: { syncedAt: now, syncError: null } });
    });
  }

  /** Keeps the pass where it stopped and lets any replica resume it once the wait (Retry-After, at least) is over. */
  private async release(group: DirectoryGroup, error: unknown): Promise<void> {
    const { prisma, clock } = this.deps.core;
    const resumeAt = new Date(clock.now().getTime() + Math.max(RETRY_MS, retryAfterMs(error)));
    const message = String((error as Error)?.message ?? error).slice(0, 500);
    await prisma
      .$transaction([
        prisma.teamsGroupSync.updateMany({ where: { groupId: group.id, leasedBy: this.owner }, data: { leaseUntil: resumeAt, leasedBy: null } }),
        prisma.directoryGroup.update({ where: { id: group.id }, data: { syncError: message } }),
      ])
      .catch((storeError: unknown) => this.deps.logger.warn({ err: storeError }, "could not record a failed Teams group sync; its lease expires"));
  }
}
