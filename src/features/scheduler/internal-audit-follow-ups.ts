import { internalAuditsSection } from "../digest/internal-audits-section.js";
import { internalAuditSource } from "../internal-audits/internal-audit-source.js";
import type { InternalAuditService } from "../internal-audits/internal-audit-service.js";
import type { Scheduling } from "./scheduling-core.js";

/** Planned audits reminded to their auditor (and listed in `/aims reviews`), and the audit programme in the digest. */
export function addInternalAudits(scheduling: Pick<Scheduling, "reminders" | "digest">, audits: InternalAuditService): void {
  scheduling.reminders.addSource(internalAuditSource(audits));
  scheduling.digest.addSection(internalAuditsSection);
}
