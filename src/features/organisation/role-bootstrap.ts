import { randomUUID } from "node:crypto";
import type { ChatChannel } from "../../core/actor.js";
import { recordAudit } from "../../core/audit.js";
import type { Clock } from "../../core/clock.js";
import type { AimsRole } from "../../core/roles.js";
import type { Prisma } from "../../db/database.js";
import { ROLE_CONTROLS } from "./controls.js";
import type { PeopleDirectory } from "./people-directory.js";

/** The accounts one environment variable names for a role: the bootstrap, e.g. the first AIMS owners. */
export interface BootstrapRole {
  role: AimsRole;
  channel: ChatChannel;
  variable: string;
  ids: readonly string[];
}

/**
 * Brings the environment-variable roles into the database at start-up, idempotently and one replica at a time: a
 * listed account without its grant gets one, a grant whose account is no longer listed ends. Roles granted in chat
 * are left alone. Today's variables thus keep working, with no gap, and each grant shows where it comes from.
 */
export async function applyBootstrapRoles(deps: { prisma: Prisma; clock: Clock; people: PeopleDirectory }, listed: readonly BootstrapRole[]): Promise<void> {
  const { prisma, clock, people } = deps;
  await prisma.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('aims-role-bootstrap'))`;
      const now = clock.now();
      const active = await tx.roleGrant.findMany({ where: { source: "environment", effectiveUntil: null } });
      const stillListed = new Set<string>();
      for (const entry of listed) {
        for (const id of entry.ids) {
          const identity = await people.ensureIn(tx, { channel: entry.channel, id });
          const grant = active.find((candidate) => candidate.variable === entry.variable && candidate.role === entry.role && candidate.personId === identity.personId);
          if (grant) {
            stillListed.add(grant.id);
            continue;
          }
          const created = await tx.roleGrant.create({
            data: { id: randomUUID(), role: entry.role, source: "environment", variable: entry.variable, personId: identity.personId, effectiveFrom: now, reason: `listed in ${entry.variable}` },
          });
          stillListed.add(created.id);
          await recordAudit(tx, clock, { actor: null, action: "role.granted", entityType: "role_grant", entityId: created.id, after: created, controls: ROLE_CONTROLS });
        }
      }
      for (const grant of active.filter((candidate) => !stillListed.has(candidate.id))) {
        const after = await tx.roleGrant.update({
          where: { id: grant.id },
          data: { effectiveUntil: now, endReason: `no longer listed in ${grant.variable}` },
        });
        await recordAudit(tx, clock, { actor: null, action: "role.revoked", entityType: "role_grant", entityId: grant.id, before: grant, after, controls: ROLE_CONTROLS });
      }
    },
    { timeout: 60_000 },
  );
}
