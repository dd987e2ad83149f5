import type { Improvement, Nonconformity } from "../../db/generated/client.js";

declare module "../../core/events.js" {
  interface DomainEvents {
    /** A nonconformity raised or changed (reaction, root cause, actions, check), for whoever shows it. */
    "nonconformity.changed": { nonconformity: Nonconformity; change: string };
    "improvement.changed": { improvement: Improvement; change: string };
  }
}
