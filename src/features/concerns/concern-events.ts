import type { Concern, ConcernMessage } from "../../db/generated/client.js";

export type ConcernChange =
  | { kind: "acknowledged" | "assigned" | "closed" }
  | { kind: "question" | "answer"; message: ConcernMessage };

declare module "../../core/events.js" {
  interface DomainEvents {
    "concern.received": { concern: Concern };
    "concern.changed": { concern: Concern; change: ConcernChange };
  }
}
