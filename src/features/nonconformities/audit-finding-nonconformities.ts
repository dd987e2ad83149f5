import type { EventBus } from "../../core/events.js";
import type { Prisma } from "../../db/database.js";
import "../internal-audits/internal-audit-events.js";
import { NC_LIMITS } from "./nonconformity-form.js";
import type { NonconformityService } from "./nonconformity-service.js";

const KIND_WORDS = { minor_nc: "Minor nonconformity", major_nc: "Major nonconformity" } as Record<string, string>;

/** Where a nonconformity raised from an audit finding points: the audit and the checklist item, `AUD-0001/9.2`. */
export const auditFindingSourceRef = (auditReference: string, item: string) => `${auditReference}/${item}`.toUpperCase();

/** The key that makes one finding raise one nonconformity, however often the finding is revised or delivered. */
const submissionKey = (findingId: number) => `audit-finding:${findingId}`;

/**
 * A minor or major nonconformity found by an internal audit (9.2) raises a nonconformity (10.2): raised by the
 * auditor who recorded the finding, owned by the AIMS owner who planned the audit (who may hand it on). The
 * nonconformity's unique submission key is the finding's id, so a revised finding or a redelivered event raises none
 * more.
 */
export function raiseNonconformitiesFromAuditFindings(deps: { prisma: Prisma; events: EventBus; nonconformities: NonconformityService }): void {
  deps.events.subscriber("nonconformities.audit-findings").on("audit.finding.recorded", async ({ findingId, auditReference, item, kind, text }) => {
    const finding = await deps.prisma.auditFinding.findUnique({ where: { id: findingId }, include: { audit: true } });
    if (!finding) return;
    const { audit } = finding;
    const auditor = { channel: finding.recordedByChannel, id: finding.recordedById };
    const owner = { channel: audit.plannedByChannel, id: audit.plannedById };
    const description = `${KIND_WORDS[kind] ?? kind} found by internal audit ${auditReference} on ${item}: ${text}`;
    const limited = description.length > NC_LIMITS.description ? `${description.slice(0, NC_LIMITS.description - 1)}…` : description;
    const result = await deps.nonconformities.raise(
      auditor,
      { description: limited },
      owner,
      { kind: "audit_finding", reference: auditFindingSourceRef(auditReference, item) },
      submissionKey(findingId),
    );
    if (result.kind !== "raised") throw new Error(`Could not raise a nonconformity from ${auditReference} ${item}: ${JSON.stringify(result)}`);
  });
}
