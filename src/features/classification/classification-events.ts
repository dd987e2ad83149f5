import type { AiSystem } from "../../db/generated/client.js";

declare module "../../core/events.js" {
  interface DomainEvents {
    /** A register entry was classified (or classified again) under the EU AI Act. */
    "classification.recorded": { system: AiSystem };
  }
}
