import type { Clock } from "../../core/clock.js";
import type { EventBus } from "../../core/events.js";
import type { Roles } from "../../core/roles.js";
import type { Prisma } from "../../db/database.js";
import type { PeopleNames } from "../people/people-names.js";

export interface IncidentServiceDeps {
  prisma: Prisma;
  clock: Clock;
  roles: Roles;
  events: EventBus;
  people?: PeopleNames;
}
