import { recordAudit } from "../../core/audit.js";
import { ERASED_FIELDS_KEY } from "../../core/personal-fields.js";
import type { Clock } from "../../core/clock.js";
import type { Tx } from "../../core/transaction.js";
import type { RetentionConfig } from "../../config/retention-env.js";
import type { Prisma } from "../../db/database.js";
import type { Logger } from "../../log/logger.js";
import { eraseAuditFields } from "../audit-trail/erase-audit-fields.js";
import type { NewDelivery } from "../scheduler/delivery.js";
import type { DueScan } from "../scheduler/scheduler.js";

/** Retention and disposition of documented information (ISO 42001 7.5.3). */
export const RETENTION_CONTROLS = ["7.5.3"] as const;

/** What a pseudonymised record holds in place of a person's chat id once its retention period is over. */
export const REMOVED_ID = "(removed)";

export interface RetentionCounts {
  closedConcernsDeleted: number;
  closedIncidentsPseudonymised: number;
  auditEventsErased: number;
}

/**
 * Applies the retention periods once a day, on the first scheduler tick of the day (UTC): closed concerns past
 * theirs are deleted with their messages; closed incidents past theirs keep their substance (what happened, root
 * cause, actions: the lessons of 10.2) and lose who reported, wrote, owned or decided. The audit events of both are
 * never deleted: their personal fields and actors are erased. One RetentionRun row per day, written in the same
 * transaction, makes it run once across replicas; the run is audited with its counts.
 */
export class RetentionService implements DueScan {
  readonly name = "retention";

  constructor(private readonly deps: { prisma: Prisma; clock: Clock; settings: RetentionConfig; logger: Logger }) {}

  /** Runs in the scheduler's tick: a failure is logged and left to the next tick, never holding up the reminders. */
  async scan(now: Date): Promise<NewDelivery[]> {
    try {
      const counts = await this.applyFor(now);
      if (counts) this.deps.logger.info({ ...counts }, "retention applied");
    } catch (error) {
      this.deps.logger.warn({ err: error }, "applying retention failed; the next tick tries again");
    }
    return [];
  }

  /** Applies the policy for the day of `now`; null when it already ran that day or there is no policy. */
  async applyFor(now: Date): Promise<RetentionCounts | null> {
    const { prisma, settings } = this.deps;
    if (settings.closedConcernsYears === null && settings.closedIncidentsYears === null) return null;
    const day = new Date(`${now.toISOString().slice(0, 10)}T00:00:00.000Z`);
    if (await prisma.retentionRun.findUnique({ where: { day } })) return null;
    return prisma.$transaction(
      async (tx) => {
        const { count } = await tx.retentionRun.createMany({ data: [{ day, ranAt: now, counts: {} }], skipDuplicates: true });
        if (count === 0) return null;
        const counts: RetentionCounts = { closedConcernsDeleted: 0, closedIncidentsPseudonymised: 0, auditEventsErased: 0 };
        const erasedFields: Record<string, string[]> = {};
        const run = { counts, erasedFields };
        if (settings.closedConcernsYears !== null) await this.deleteClosedConcerns(tx, yearsBefore(now, settings.closedConcernsYears), run);
        if (settings.closedIncidentsYears !== null) await this.pseudonymiseClosedIncidents(tx, yearsBefore(now, settings.closedIncidentsYears), run);
        await tx.retentionRun.update({ where: { day }, data: { counts: { ...counts } } });
        await recordAudit(tx, this.deps.clock, {
          actor: null,
          action: "retention.applied",
          entityType: "retention_run",
          entityId: day.toISOString().slice(0, 10),
          after: { ...counts, settings: { ...settings }, [ERASED_FIELDS_KEY]: erasedFields },
          controls: RETENTION_CONTROLS,
        });
        return counts;
      },
      { timeout: 300_000 },
    );
  }

  private async deleteClosedConcerns(tx: Tx, cutoff: Date, { counts, erasedFields }: Run): Promise<void> {
    const due = await tx.concern.findMany({ where: { status: { in: ["resolved", "dismissed"] }, closedAt: { lt: cutoff } }, select: { id: true, reference: true } });
    if (due.length === 0) return;
    counts.auditEventsErased += await eraseEventsOf(tx, [{ entityType: "concern", entityIds: due.map((concern) => concern.reference) }], erasedFields);
    await tx.concernMessage.deleteMany({ where: { concernId: { in: due.map((concern) => concern.id) } } });
    counts.closedConcernsDeleted += (await tx.concern.deleteMany({ where: { id: { in: due.map((concern) => concern.id) } } })).count;
  }

  private async pseudonymiseClosedIncidents(tx: Tx, cutoff: Date, { counts, erasedFields }: Run): Promise<void> {
    const due = await tx.incident.findMany({
      where: { status: "closed", closedAt: { lt: cutoff }, reporterId: { not: REMOVED_ID } },
      select: { id: true, reference: true, correctiveActions: { select: { id: true } } },
    });
    if (due.length === 0) return;
    const incidentId = { in: due.map((incident) => incident.id) };
    await tx.incident.updateMany({ where: { id: incidentId }, data: { reporterId: REMOVED_ID, reporterName: null } });
    await tx.incidentTimelineEntry.updateMany({ where: { incidentId }, data: { authorId: REMOVED_ID, authorName: null } });
    await tx.correctiveAction.updateMany({ where: { incidentId }, data: { ownerId: REMOVED_ID, ownerName: null, createdById: REMOVED_ID } });
    await tx.externalReportDecision.updateMany({ where: { incidentId }, data: { deciderId: REMOVED_ID, deciderName: null } });
    counts.closedIncidentsPseudonymised += due.length;
    counts.auditEventsErased += await eraseEventsOf(tx, [
      { entityType: "incident", entityIds: due.map((incident) => incident.reference) },
      { entityType: "corrective_action", entityIds: due.flatMap((incident) => incident.correctiveActions.map((action) => String(action.id))) },
    ], erasedFields);
  }
}

/** One run's tallies: its counts, and the audit fields it erased (for its own audit event). */
type Run = { counts: RetentionCounts; erasedFields: Record<string, string[]> };

function yearsBefore(now: Date, years: number): Date {
  const cutoff = new Date(now);
  cutoff.setUTCFullYear(cutoff.getUTCFullYear() - years);
  return cutoff;
}

/** Erases every personal field and actor of the records' audit events; the events themselves stay in the chain. */
async function eraseEventsOf(tx: Tx, records: { entityType: string; entityIds: string[] }[], erasedFields: Record<string, string[]>): Promise<number> {
  const events = await tx.auditEvent.findMany({
    where: { OR: records.map(({ entityType, entityIds }) => ({ entityType, entityId: { in: entityIds } })) },
    select: { id: true },
  });
  const report = await eraseAuditFields(tx, { eventIds: events.map((event) => event.id), replace: () => null, eraseActor: () => true });
  Object.assign(erasedFields, report.fields);
  return report.erased;
}
