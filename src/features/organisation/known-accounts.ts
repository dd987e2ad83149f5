import type { ChatChannel } from "../../core/actor.js";
import type { Prisma } from "../../db/database.js";
import type { AccountLabel } from "./roles-now.js";

/** How many accounts or groups a form offers in one list (a Slack select holds 100 options). */
export const MAX_CHOICES = 100;

const byName = (a: AccountLabel, b: AccountLabel) => (a.name ?? a.id).localeCompare(b.name ?? b.id);

/**
 * The accounts the bot knows on a channel, to link to: the directory's, and on Teams everyone who wrote to the bot.
 * Deactivated accounts are left out.
 */
export async function knownAccounts(prisma: Prisma, channel: ChatChannel): Promise<AccountLabel[]> {
  const identities = await prisma.chatIdentity.findMany({ where: { channel, deactivatedAt: null }, select: { externalId: true, name: true } });
  const accounts = new Map<string, AccountLabel>(identities.map((identity) => [identity.externalId, { channel, id: identity.externalId, name: identity.name, deactivated: false }]));
  if (channel === "teams") {
    const deactivated = new Set(
      (await prisma.chatIdentity.findMany({ where: { channel, NOT: { deactivatedAt: null } }, select: { externalId: true } })).map((identity) => identity.externalId),
    );
    for (const user of await prisma.teamsUser.findMany({ select: { aadObjectId: true, name: true } })) {
      const known = accounts.get(user.aadObjectId);
      if (deactivated.has(user.aadObjectId)) continue;
      accounts.set(user.aadObjectId, { channel, id: user.aadObjectId, name: known?.name ?? user.name, deactivated: false });
    }
  }
  return [...accounts.values()].sort(byName).slice(0, MAX_CHOICES);
}

/** Accounts that share their person with another account: the ones an AIMS owner can unlink. */
export async function linkedAccounts(prisma: Prisma): Promise<AccountLabel[][]> {
  const shared = await prisma.chatIdentity.groupBy({ by: ["personId"], _count: { _all: true }, having: { personId: { _count: { gt: 1 } } } });
  const identities = await prisma.chatIdentity.findMany({
    where: { personId: { in: shared.map((person) => person.personId) } },
    orderBy: [{ channel: "asc" }, { externalId: "asc" }],
  });
  const people = new Map<string, AccountLabel[]>();
  for (const identity of identities) {
    const accounts = people.get(identity.personId) ?? [];
    accounts.push({ channel: identity.channel, id: identity.externalId, name: identity.name, deactivated: identity.deactivatedAt !== null });
    people.set(identity.personId, accounts);
  }
  return [...people.values()].slice(0, MAX_CHOICES);
}
