import type { AiSystem } from "../../db/generated/client.js";

/** Someone to tell about a register entry, on the chat they use. */
export interface Told {
  channel: "slack" | "teams";
  id: string;
}

declare module "../../core/events.js" {
  interface DomainEvents {
    /** A register entry was suspended, resumed or retired: its users are told. `change` keys the message to each. */
    "register.lifecycle_changed": { system: AiSystem; from: AiSystem["status"]; to: AiSystem["status"]; reason: string; change: string; tell: Told[] };
  }
}
