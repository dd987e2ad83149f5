import type { ChatChannel } from "../../core/actor.js";
import type { AimsRole } from "../../core/roles.js";

declare module "../../core/events.js" {
  interface DomainEvents {
    /** A platform reported an account deactivated, deleted or removed: its open duties are reported to the AIMS owners. */
    "person.deactivated": { identity: { channel: ChatChannel; id: string; name: string | null } };
    /** A role was granted, revoked, bound to or unbound from a group. */
    "role.changed": { role: AimsRole; change: "granted" | "revoked" | "bound" | "unbound"; summary: string };
  }
}
