import type { InternalAudit } from "../../db/generated/client.js";
import type { FindingKind } from "./internal-audit-form.js";

declare module "../../core/events.js" {
  interface DomainEvents {
    /** An audit was planned, started, reassigned or reported. */
    "internal_audit.changed": { audit: InternalAudit; change: "planned" | "started" | "reassigned" | "reported" };
    /**
     * A finding recorded on an audit; recorded only for nonconformities (minor or major), so that the
     * nonconformity log (10.2) can raise one from it.
     */
    "audit.finding.recorded": { findingId: number; auditReference: string; item: string; kind: FindingKind; text: string };
  }
}
