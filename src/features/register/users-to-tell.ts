import type { Roles } from "../../core/roles.js";
import type { Tx } from "../../core/transaction.js";
import type { AiSystem, AiSystemUser } from "../../db/generated/client.js";
import type { Told } from "./register-events.js";

/**
 * Who hears that a system changed: who requested it, its owner and the people recorded as using it; once each
 * person, never `except` (the person who made the change).
 */
export async function usersToTell(tx: Tx, roles: Roles, system: AiSystem & { users: AiSystemUser[] }, except?: Told): Promise<Told[]> {
  const request = system.requestId ? await tx.aiToolRequest.findUnique({ where: { id: system.requestId } }) : null;
  const candidates: Told[] = [
    ...(request ? [{ channel: request.requesterChannel, id: request.requesterId }] : []),
    { channel: system.ownerChannel, id: system.ownerId },
    ...system.users.map((user) => ({ channel: user.channel, id: user.externalId })),
  ];
  const told: Told[] = [];
  for (const candidate of candidates) {
    if (except && (await roles.samePerson(candidate, except, tx))) continue;
    if (told.some((person) => person.channel === candidate.channel && person.id === candidate.id)) continue;
    told.push(candidate);
  }
  return told;
}
