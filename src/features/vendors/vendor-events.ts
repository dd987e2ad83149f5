import type { Vendor } from "../../db/generated/client.js";

export type VendorChange = "added" | "owner_set" | "questionnaire_sent" | "answered" | "outcome_recorded";

declare module "../../core/events.js" {
  interface DomainEvents {
    /** A vendor was added or changed; `questionnaire_sent` asks its internal owner to answer the questionnaire. */
    "vendor.changed": { vendor: Vendor; change: VendorChange };
  }
}
