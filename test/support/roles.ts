import type { ChatChannel } from "../../src/core/actor.js";
import type { Clock } from "../../src/core/clock.js";
import { EventBus } from "../../src/core/events.js";
import type { AimsRole } from "../../src/core/roles.js";
import { BOOTSTRAP_VARIABLES } from "../../src/app/core.js";
import type { Prisma } from "../../src/db/database.js";
import { PeopleDirectory } from "../../src/features/organisation/people-directory.js";
import { applyBootstrapRoles } from "../../src/features/organisation/role-bootstrap.js";
import { RoleService } from "../../src/features/organisation/role-service.js";
import { createLogger } from "../../src/log/logger.js";

/** Who holds which role per channel, as the bootstrap variables would list them. */
export type RoleListing = Partial<Record<AimsRole, Partial<Record<ChatChannel, readonly string[]>>>>;

/** The real people directory and role service over `prisma`, with `listing` granted as start-up grants the variables. */
export async function organisationIn(prisma: Prisma, clock: Clock, listing: RoleListing = {}): Promise<{ people: PeopleDirectory; roles: RoleService }> {
  const events = new EventBus(prisma, createLogger("silent"));
  const people = new PeopleDirectory({ prisma, clock, events });
  const bootstrap = Object.entries(listing).flatMap(([role, channels]) =>
    Object.entries(channels ?? {}).map(([channel, ids]) => ({
      role: role as AimsRole,
      channel: channel as ChatChannel,
      variable: BOOTSTRAP_VARIABLES[role as AimsRole][channel as ChatChannel],
      ids: ids ?? [],
    })),
  );
  await applyBootstrapRoles({ prisma, clock, people }, bootstrap);
  return { people, roles: new RoleService({ prisma, clock, events, people }) };
}

/** The real role service over `prisma`, with `listing` granted as start-up grants the variables. */
export async function rolesInDatabase(prisma: Prisma, clock: Clock, listing: RoleListing = {}): Promise<RoleService> {
  return (await organisationIn(prisma, clock, listing)).roles;
}
