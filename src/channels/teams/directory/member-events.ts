import type { Core } from "../../../app/core.js";
import { closeMembership, openMembership } from "../../../features/organisation/membership-ledger.js";
import type { TeamsConversationStore } from "../conversation-store.js";
import type { TeamsAccount, TeamsActivity } from "../transport/index.js";
import { teamsGroupOf, type TeamsGroupRef } from "./teams-groups.js";
import type { TeamsRoster } from "./teams-roster.js";

export interface MemberEventDeps {
  core: Core;
  roster: TeamsRoster;
  conversations: TeamsConversationStore;
}

/**
 * Teams' membersAdded / membersRemoved in a team or group chat bound as a DirectoryGroup: the membership opens or
 * ends at once (and with it any role the group gives). A removal then asks whether Teams still knows the person at
 * all (see `stillInOrganisation`): leaving one team is not leaving the company.
 */
export async function applyMemberEvents(deps: MemberEventDeps, activity: TeamsActivity): Promise<{ resyncGroupId: string | null }> {
  const group = teamsGroupOf(activity);
  const people = (members: TeamsAccount[] | undefined) => (members ?? []).filter((member) => member.id !== activity.recipient?.id);
  const named = [...people(activity.membersAdded), ...people(activity.membersRemoved)];
  if (!group || named.length === 0) return { resyncGroupId: null };
  const { prisma, clock, directory } = deps.core;
  const stored = await prisma.directoryGroup.findUnique({ where: { channel_externalId: { channel: "teams", externalId: group.id } } });
  if (!stored) return { resyncGroupId: null };
  const added = await resolve(deps, people(activity.membersAdded));
  const removed = await resolve(deps, people(activity.membersRemoved));
  const at = clock.now();
  await prisma.$transaction(async (tx) => {
    for (const member of added) {
      await directory.ensureIn(tx, { channel: "teams", id: member.aadObjectId }, member.name);
      await openMembership(tx, { groupId: stored.id, channel: "teams", externalId: member.aadObjectId, at, source: "member event" });
    }
    for (const member of removed) {
      await closeMembership(tx, { groupId: stored.id, channel: "teams", externalId: member.aadObjectId, at, source: "member event" });
    }
  });
  for (const member of removed) await stillInOrganisation(deps, member.aadObjectId, { ...group, name: group.name ?? stored.name });
  // Someone Teams named only by a Teams user id the bot has never seen: a read of the whole roster says who it was.
  return { resyncGroupId: added.length + removed.length < named.length ? stored.id : null };
}

/** Teams names a member by Teams user id, and by AAD object id when it can; the bot knows the first for people it has seen. */
async function resolve(deps: MemberEventDeps, members: TeamsAccount[]): Promise<{ aadObjectId: string; name: string | null }[]> {
  const resolved = [];
  for (const member of members) {
    const aadObjectId = member.aadObjectId ?? (await deps.core.prisma.teamsUser.findFirst({ where: { teamsUserId: member.id } }))?.aadObjectId;
    if (aadObjectId) resolved.push({ aadObjectId, name: member.name || null });
  }
  return resolved;
}

/**
 * The rule for leavers: the account is marked deactivated only when Teams no longer lists the person even in their
 * own chat with the bot (404 MemberNotFound there), as it answers once the account is disabled or deleted in Entra
 * ID. A person the bot never had a personal chat with stays active: no roster the bot can read says more.
 */
async function stillInOrganisation(deps: MemberEventDeps, aadObjectId: string, group: TeamsGroupRef & { name: string }): Promise<void> {
  const chat = (await deps.conversations.user(aadObjectId))?.personalChat?.conversation?.id;
  if (!chat || (await deps.roster.member({ kind: "chat", id: chat }, aadObjectId))) return;
  const where = group.kind === "team" ? "team" : "group chat";
  await deps.core.directory.observe({ channel: "teams", id: aadObjectId, deactivated: { reason: `removed from Teams ${where} ${group.name}` } });
  void deps.core.events.deliverPending();
}
