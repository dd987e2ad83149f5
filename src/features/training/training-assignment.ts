import type { ChatChannel } from "../../core/actor.js";
import type { Roles } from "../../core/roles.js";
import type { Prisma } from "../../db/database.js";
import type { AssignmentRules } from "./training-module.js";

type Account = { channel: ChatChannel; externalId: string };

/**
 * The accounts a module's rules name, as "channel:id": holders of its roles on the bot's channels, and the owners
 * and recorded users of active AI systems of its risk tiers; null when the module is for everyone.
 */
export async function assignedAccounts(prisma: Prisma, roles: Roles, channels: readonly ChatChannel[], rules: AssignmentRules): Promise<string[] | null> {
  if (rules.everyone) return null;
  const accounts = new Set<string>();
  for (const role of rules.roles ?? []) {
    for (const channel of channels) for (const id of await roles.members(role, channel)) accounts.add(`${channel}:${id}`);
  }
  if (rules.systemOwners?.length) {
    const owned = await prisma.aiSystem.findMany({ where: { status: "active", riskTier: { in: rules.systemOwners } }, select: { ownerChannel: true, ownerId: true } });
    for (const system of owned) accounts.add(`${system.ownerChannel}:${system.ownerId}`);
  }
  if (rules.systemUsers?.length) {
    const users = await prisma.aiSystemUser.findMany({ where: { system: { status: "active", riskTier: { in: rules.systemUsers } } }, select: { channel: true, externalId: true } });
    for (const user of users) accounts.add(`${user.channel}:${user.externalId}`);
  }
  return [...accounts];
}

/** Whether the rules name this person, through any of their accounts. */
export async function isAssigned(prisma: Prisma, roles: Roles, accounts: readonly Account[], rules: AssignmentRules): Promise<boolean> {
  if (rules.everyone) return true;
  for (const account of accounts) {
    for (const role of rules.roles ?? []) if (await roles.has({ channel: account.channel, id: account.externalId }, role)) return true;
  }
  const mine = accounts.map((account) => ({ channel: account.channel, externalId: account.externalId }));
  if (rules.systemOwners?.length && mine.length > 0) {
    const owned = await prisma.aiSystem.count({ where: { status: "active", riskTier: { in: rules.systemOwners }, OR: mine.map((a) => ({ ownerChannel: a.channel, ownerId: a.externalId })) } });
    if (owned > 0) return true;
  }
  if (rules.systemUsers?.length && mine.length > 0) {
    const used = await prisma.aiSystemUser.count({ where: { system: { status: "active", riskTier: { in: rules.systemUsers } }, OR: mine } });
    if (used > 0) return true;
  }
  return false;
}
