import type { Actor } from "../../core/actor.js";
import type { Tx } from "../../core/transaction.js";
import type { Prisma } from "../../db/database.js";
import type { Delegation } from "../../db/generated/client.js";

/** The delegator as an account: who a delegate decides for. */
export const delegatorOf = (delegation: Delegation): Actor => ({
  channel: delegation.delegatorChannel,
  id: delegation.delegatorId,
  ...(delegation.delegatorName ? { name: delegation.delegatorName } : {}),
});

export const delegateOf = (delegation: Delegation): Actor => ({
  channel: delegation.delegateChannel,
  id: delegation.delegateId,
  ...(delegation.delegateName ? { name: delegation.delegateName } : {}),
});

/** The person behind an account, unless it is deactivated. */
export async function personOf(db: Tx | Prisma, account: Pick<Actor, "channel" | "id">): Promise<string | null> {
  const identity = await db.chatIdentity.findUnique({ where: { channel_externalId: { channel: account.channel, externalId: account.id } } });
  return identity && !identity.deactivatedAt ? identity.personId : null;
}

/** The delegations this person (through any of their accounts) covers at `now`: begun, not ended, not cancelled. */
export async function coverHeldBy(db: Tx | Prisma, delegate: Pick<Actor, "channel" | "id">, now: Date): Promise<Delegation[]> {
  const personId = await personOf(db, delegate);
  if (!personId) return [];
  return db.delegation.findMany({
    where: { delegatePersonId: personId, cancelledAt: null, validFrom: { lte: now }, validUntil: { gt: now } },
    orderBy: { createdAt: "asc" },
  });
}

/** The latest delegation to this person that no longer counts (ended or cancelled), to say why they may not decide. */
export async function lapsedCoverOf(db: Tx | Prisma, delegate: Pick<Actor, "channel" | "id">, now: Date): Promise<Delegation | null> {
  const personId = await personOf(db, delegate);
  if (!personId) return null;
  return db.delegation.findFirst({
    where: { delegatePersonId: personId, OR: [{ cancelledAt: { not: null } }, { validUntil: { lte: now } }] },
    orderBy: [{ validUntil: "desc" }],
  });
}
