/** Slack ids of the erasure form (`/aims erase`). */
export const ERASURE_IDS = {
  views: { erase: "person_erase" },
  blocks: { person: "person", reason: "reason", confirm: "confirm" },
  action: "value",
  confirmed: "confirmed",
} as const;
