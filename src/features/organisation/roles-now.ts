import type { ChatChannel } from "../../core/actor.js";
import { AIMS_ROLES, type AimsRole } from "../../core/roles.js";
import type { Prisma } from "../../db/database.js";
import type { PeopleNames } from "../people/people-names.js";
import { grantInEffect } from "./role-holders.js";

/** A chat account as people read it: its name when the bot knows it. */
export interface AccountLabel {
  channel: ChatChannel;
  id: string;
  name: string | null;
  deactivated: boolean;
}

interface HoldingBase {
  grantId: string;
  from: Date;
  reason: string;
  /** Who granted it; null for the environment. */
  grantedBy: AccountLabel | null;
}

export type Holding =
  | (HoldingBase & { source: "environment"; variable: string; accounts: AccountLabel[] })
  | (HoldingBase & { source: "direct"; until: Date | null; accounts: AccountLabel[] })
  | (HoldingBase & { source: "group"; group: { name: string; channel: ChatChannel; syncedAt: Date | null }; members: AccountLabel[] });

export interface RoleNow {
  role: AimsRole;
  holdings: Holding[];
}

const keyOf = (channel: ChatChannel, id: string) => `${channel}:${id}`;

/** Who holds each role at `at`, and why: the bootstrap variables, grants made in chat, and bound groups with their members. */
export async function rolesNow(prisma: Prisma, people: PeopleNames, at: Date): Promise<RoleNow[]> {
  const grants = await prisma.roleGrant.findMany({
    where: grantInEffect(at),
    include: { person: { include: { identities: true } }, group: { include: { memberships: { where: { since: { lte: at }, OR: [{ until: null }, { until: { gt: at } }] } } } } },
    orderBy: [{ effectiveFrom: "asc" }, { id: "asc" }],
  });
  const memberKeys = grants.flatMap((grant) => grant.group?.memberships.map((member) => ({ channel: member.channel, externalId: member.externalId })) ?? []);
  const granterKeys = grants.flatMap((grant) => (grant.grantedBy ? [parseKey(grant.grantedBy)] : [])).flatMap((key) => (key ? [{ channel: key.channel, externalId: key.id }] : []));
  const known = await prisma.chatIdentity.findMany({ where: { OR: [...memberKeys, ...granterKeys] } });
  const identities = new Map(known.map((identity) => [keyOf(identity.channel, identity.externalId), identity]));
  const label = (channel: ChatChannel, id: string): AccountLabel => {
    const identity = identities.get(keyOf(channel, id));
    return { channel, id, name: identity?.name ?? null, deactivated: Boolean(identity?.deactivatedAt && identity.deactivatedAt <= at) };
  };
  for (const grant of grants) for (const identity of grant.person?.identities ?? []) identities.set(keyOf(identity.channel, identity.externalId), identity);

  const holdings = grants.map((grant): { role: AimsRole; holding: Holding } => {
    const key = grant.grantedBy ? parseKey(grant.grantedBy) : null;
    const base = { grantId: grant.id, from: grant.effectiveFrom, reason: grant.reason, grantedBy: key ? label(key.channel, key.id) : null };
    const accounts = (grant.person?.identities ?? []).map((identity) => label(identity.channel, identity.externalId));
    if (grant.group) {
      const members = grant.group.memberships.map((member) => label(member.channel, member.externalId));
      return { role: grant.role, holding: { ...base, source: "group", group: { name: grant.group.name, channel: grant.group.channel, syncedAt: grant.group.syncedAt }, members } };
    }
    if (grant.source === "environment") return { role: grant.role, holding: { ...base, source: "environment", variable: grant.variable ?? "", accounts } };
    return { role: grant.role, holding: { ...base, source: "direct", until: grant.effectiveUntil, accounts } };
  });
  const named = await withTeamsNames(people, holdings.map((entry) => entry.holding));
  return AIMS_ROLES.map((role) => ({ role, holdings: named.filter((_, index) => holdings[index]!.role === role) }));
}

/** "slack:U123" as written in `grantedBy`. */
function parseKey(key: string): { channel: ChatChannel; id: string } | null {
  const [channel, ...rest] = key.split(":");
  return (channel === "slack" || channel === "teams") && rest.length > 0 ? { channel, id: rest.join(":") } : null;
}

/** Teams people the directory has no name for yet, named as they last wrote to the bot. */
async function withTeamsNames(people: PeopleNames, holdings: Holding[]): Promise<Holding[]> {
  const accounts = holdings.flatMap((holding) => [...(holding.source === "group" ? holding.members : holding.accounts), ...(holding.grantedBy ? [holding.grantedBy] : [])]);
  const named = new Map((await people.named(accounts)).map((account) => [keyOf(account.channel, account.id), account.name ?? null]));
  const name = (account: AccountLabel): AccountLabel => ({ ...account, name: account.name ?? named.get(keyOf(account.channel, account.id)) ?? null });
  return holdings.map((holding) => ({
    ...holding,
    grantedBy: holding.grantedBy ? name(holding.grantedBy) : null,
    ...(holding.source === "group" ? { members: holding.members.map(name) } : { accounts: holding.accounts.map(name) }),
  })) as Holding[];
}
