import type { TrainingCompletion } from "../../db/generated/client.js";

declare module "../../core/events.js" {
  interface DomainEvents {
    "training.completed": { completion: TrainingCompletion };
  }
}
