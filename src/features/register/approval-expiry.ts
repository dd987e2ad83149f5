import { recordAudit } from "../../core/audit.js";
import type { Clock } from "../../core/clock.js";
import type { EventBus } from "../../core/events.js";
import type { Roles } from "../../core/roles.js";
import type { Prisma } from "../../db/database.js";
import type { NewDelivery } from "../scheduler/delivery.js";
import type { DueScan } from "../scheduler/scheduler.js";
import { EXPIRY_CONTROLS } from "../requests/controls.js";
import { LIFECYCLE_CONTROLS } from "./controls.js";
import { usersToTell } from "./users-to-tell.js";
import "./register-events.js";

/** The entries whose approval may end: in use or suspended (a retired or expired one has already left use). */
export const EXPIRING = ["active", "suspended"] as const;

export const expiryReason = (until: Date) => `Its approval ended on ${until.toISOString().slice(0, 10)} and was not renewed.`;

/**
 * At every scheduler tick: each register entry whose approval has ended (`approvedUntil` passed) without a renewal
 * becomes `expired`, audited (A.6.2.5, A.9.2-A.9.4 with the lifecycle's controls), and its owner and users are told
 * through the outbox. The update is guarded on the state and end it read, so each entry expires once, whatever the
 * number of replicas. The messages go out from the outbox, so the scan itself enqueues nothing.
 */
export class ApprovalExpiry implements DueScan {
  readonly name = "approval-expiry";

  constructor(private readonly deps: { prisma: Prisma; clock: Clock; roles: Roles; events: EventBus }) {}

  async scan(now: Date): Promise<NewDelivery[]> {
    const ended = await this.deps.prisma.aiSystem.findMany({ where: { status: { in: [...EXPIRING] }, approvedUntil: { lte: now } }, orderBy: { approvedUntil: "asc" } });
    let expired = 0;
    for (const system of ended) if (await this.expire(system.id, now)) expired += 1;
    if (expired > 0) void this.deps.events.deliverPending();
    return [];
  }

  private expire(id: number, now: Date): Promise<boolean> {
    const { prisma, clock, roles, events } = this.deps;
    return prisma.$transaction(async (tx) => {
      const system = await tx.aiSystem.findUniqueOrThrow({ where: { id }, include: { users: { orderBy: { id: "asc" } } } });
      if (!system.approvedUntil) return false;
      const reason = expiryReason(system.approvedUntil);
      const claimed = await tx.aiSystem.updateMany({
        where: { id, status: system.status, approvedUntil: system.approvedUntil },
        data: { status: "expired", statusReason: reason, statusChangedAt: now, controls: [...new Set([...system.controls, ...EXPIRY_CONTROLS, ...LIFECYCLE_CONTROLS])] },
      });
      if (claimed.count === 0) return false;
      const after = await tx.aiSystem.findUniqueOrThrow({ where: { id } });
      await recordAudit(tx, clock, {
        actor: null,
        action: "register.expired",
        entityType: "ai_system",
        entityId: system.reference,
        before: { status: system.status, approvedUntil: system.approvedUntil },
        after: { status: "expired", statusReason: reason },
        controls: [...new Set([...EXPIRY_CONTROLS, ...LIFECYCLE_CONTROLS])],
      });
      const tell = await usersToTell(tx, roles, system);
      await events.record(tx, "register.lifecycle_changed", { system: after, from: system.status, to: "expired", reason, change: `expired@${system.approvedUntil.toISOString()}`, tell }, system.reference);
      return true;
    });
  }
}
