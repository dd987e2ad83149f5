import type { Delegation } from "../../db/generated/client.js";

export type DelegationChange = "created" | "cancelled";

declare module "../../core/events.js" {
  interface DomainEvents {
    /** A delegation was made (its delegate is told) or cancelled early by its delegator (the delegate is told too). */
    "delegation.changed": { delegation: Delegation; change: DelegationChange };
  }
}
