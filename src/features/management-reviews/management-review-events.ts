declare module "../../core/events.js" {
  interface DomainEvents {
    /** A management review was scheduled, opened, decided on, given an action or closed; channels may re-read it. */
    "management_review.changed": { reference: string; change: "scheduled" | "opened" | "decision" | "action" | "action_status" | "closed" };
  }
}

export {};
