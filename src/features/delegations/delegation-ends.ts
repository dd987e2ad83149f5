import { recordAudit } from "../../core/audit.js";
import type { Clock } from "../../core/clock.js";
import type { Prisma } from "../../db/database.js";
import { DELEGATION_CONTROLS } from "./controls.js";

/**
 * Writes the end of each delegation past its last day to the audit trail. A delegation stops counting at
 * `validUntil` whether or not this has run (every check compares times); this only records it, once: a guarded
 * update, so replicas running it together write one event each.
 */
export async function recordEndedDelegations(prisma: Prisma, clock: Clock): Promise<number> {
  const now = clock.now();
  const ended = await prisma.delegation.findMany({ where: { validUntil: { lte: now }, cancelledAt: null, endRecordedAt: null }, take: 100 });
  let recorded = 0;
  for (const delegation of ended) {
    recorded += await prisma.$transaction(async (tx) => {
      const claimed = await tx.delegation.updateMany({ where: { id: delegation.id, endRecordedAt: null }, data: { endRecordedAt: now } });
      if (claimed.count === 0) return 0;
      await recordAudit(tx, clock, {
        actor: null,
        action: "delegation.ended",
        entityType: "delegation",
        entityId: delegation.id,
        before: { validUntil: delegation.validUntil, endRecordedAt: null },
        after: { validUntil: delegation.validUntil, endRecordedAt: now },
        controls: DELEGATION_CONTROLS,
      });
      return 1;
    });
  }
  return recorded;
}
