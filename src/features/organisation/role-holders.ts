import { CHAT_CHANNELS, type ChatChannel } from "../../core/actor.js";
import type { AimsRole } from "../../core/roles.js";
import type { Prisma } from "../../db/database.js";
import type { Tx } from "../../core/transaction.js";
import type { Prisma as PrismaTypes } from "../../db/generated/client.js";
import type { IdentityRef } from "./identity-key.js";

/** The client or a transaction: reads that must see the caller's uncommitted change take the transaction. */
type Db = Prisma | Tx;

/** Grants in effect at `at`: started, and not ended. */
export function grantInEffect(at: Date): PrismaTypes.RoleGrantWhereInput {
  return { effectiveFrom: { lte: at }, OR: [{ effectiveUntil: null }, { effectiveUntil: { gt: at } }] };
}

function membershipInEffect(at: Date): PrismaTypes.GroupMembershipWhereInput {
  return { since: { lte: at }, OR: [{ until: null }, { until: { gt: at } }] };
}

/** The roles the account holds at `at`: granted to its person, or through a bound group one of its person's accounts is in. */
export async function rolesHeld(prisma: Db, account: IdentityRef, at: Date): Promise<Set<AimsRole>> {
  const identity = await prisma.chatIdentity.findUnique({
    where: { channel_externalId: { channel: account.channel, externalId: account.id } },
    select: { personId: true, deactivatedAt: true },
  });
  if (!identity || (identity.deactivatedAt && identity.deactivatedAt <= at)) return new Set();
  const accounts = await prisma.chatIdentity.findMany({
    where: { personId: identity.personId, OR: [{ deactivatedAt: null }, { deactivatedAt: { gt: at } }] },
    select: { channel: true, externalId: true },
  });
  const grants = await prisma.roleGrant.findMany({
    where: {
      AND: [
        grantInEffect(at),
        {
          OR: [
            { personId: identity.personId },
            { group: { memberships: { some: { AND: [membershipInEffect(at), { OR: accounts }] } } } },
          ],
        },
      ],
    },
    select: { role: true },
    distinct: ["role"],
  });
  return new Set(grants.map((grant) => grant.role));
}

/** The active accounts on `channel` that hold the role at `at`. */
export async function roleMembers(prisma: Db, role: AimsRole, channel: ChatChannel, at: Date): Promise<string[]> {
  const grants = await prisma.roleGrant.findMany({ where: { role, ...grantInEffect(at) }, select: { personId: true, groupId: true } });
  const personIds = grants.flatMap((grant) => (grant.personId ? [grant.personId] : []));
  const groupIds = grants.flatMap((grant) => (grant.groupId ? [grant.groupId] : []));
  const direct = await prisma.chatIdentity.findMany({
    where: { channel, personId: { in: personIds }, deactivatedAt: null },
    select: { externalId: true },
  });
  const viaGroups = await prisma.groupMembership.findMany({
    where: { groupId: { in: groupIds }, channel, ...membershipInEffect(at) },
    select: { externalId: true },
  });
  const inactive = new Set(
    (
      await prisma.chatIdentity.findMany({
        where: { channel, externalId: { in: viaGroups.map((member) => member.externalId) }, NOT: { deactivatedAt: null } },
        select: { externalId: true },
      })
    ).map((identity) => identity.externalId),
  );
  const ids = [...direct.map((identity) => identity.externalId), ...viaGroups.map((member) => member.externalId).filter((id) => !inactive.has(id))];
  return [...new Set(ids)].sort();
}

/** Whether anyone at all holds the role at `at`, on any channel. */
export async function anyoneHolds(db: Db, role: AimsRole, at: Date): Promise<boolean> {
  for (const channel of CHAT_CHANNELS) if ((await roleMembers(db, role, channel, at)).length > 0) return true;
  return false;
}
