import type { InternalAudit } from "../../db/generated/client.js";
import type { DueItem, DueItemSource } from "../reminders/due-item.js";
import type { InternalAuditService } from "./internal-audit-service.js";

export const INTERNAL_AUDIT_SOURCE = "internal-audit";

export function internalAuditItem(audit: InternalAudit): DueItem {
  return {
    source: INTERNAL_AUDIT_SOURCE,
    itemId: audit.reference,
    title: `Internal audit ${audit.reference}: ${audit.title}`,
    dueAt: audit.plannedStart,
    owner: { channel: audit.auditorChannel, id: audit.auditorId, name: audit.auditorName },
    controls: audit.controls,
    kind: "task",
  };
}

/**
 * Planned audits, reminded to their auditor before, on and after the planned start. Mark done starts the audit and
 * Reassign hands it to another independent auditor, both through the audit service, inside the reminder's transaction.
 */
export function internalAuditSource(audits: InternalAuditService): DueItemSource {
  return {
    name: INTERNAL_AUDIT_SOURCE,
    async listDue(db, until) {
      const planned = await db.internalAudit.findMany({ where: { status: "planned", plannedStart: { lte: until } }, orderBy: [{ plannedStart: "asc" }, { id: "asc" }] });
      return planned.map(internalAuditItem);
    },
    async find(db, itemId) {
      const audit = await db.internalAudit.findUnique({ where: { reference: itemId } });
      return audit?.status === "planned" ? internalAuditItem(audit) : null;
    },
    async complete(tx, item, _at, actor) {
      const result = await audits.startIn(tx, actor, item.itemId);
      return result.kind === "changed" ? true : { refused: result.message };
    },
    async reassign(tx, item, owner, actor) {
      const result = await audits.reassignIn(tx, actor, item.itemId, owner);
      return result.kind === "changed" ? true : { refused: result.message };
    },
    async committed() {
      audits.deliverChanges();
    },
  };
}
