import type { Tx } from "../../core/transaction.js";
import { personalValues, valueAt, withValuesAt, type PersonalFields } from "../../core/personal-fields.js";

/** Which events to look at, and what becomes of their personal data. */
export interface AuditErasure {
  /** The event ids to erase in. */
  eventIds: readonly number[];
  /** The replacement for a personal value, or undefined to keep it (it is not this person's). */
  replace(value: unknown): unknown;
  /** Whether the event's actor goes too (id and salt; the commitment stays). */
  eraseActor(actor: { channel: string | null; id: string | null }): boolean;
}

export interface AuditErasureReport {
  /** Events whose personal data was erased. */
  erased: number;
  /**
   * Events recorded before personal fields were committed one by one (hash versions 1 and 2), in which this data is
   * kept: their hash covers before/after as written (and version 1 the actor id too).
   */
  kept: number;
  /** Per event id, the paths erased: for the erasure's own audit event (ERASED_FIELDS_KEY). */
  fields: Record<string, string[]>;
}

/**
 * Erases personal values of audit events in the caller's transaction: each value goes with its salt, its commitment
 * stays, so the chain still verifies; the database allows this only in a transaction that declares it. The caller
 * records its own audit event with `fields` under ERASED_FIELDS_KEY: verification requires every erased field to be
 * listed by one.
 */
export async function eraseAuditFields(tx: Tx, erasure: AuditErasure): Promise<AuditErasureReport> {
  const report: AuditErasureReport = { erased: 0, kept: 0, fields: {} };
  if (erasure.eventIds.length === 0) return report;
  await tx.$executeRaw`SELECT set_config('aims.erasing', 'on', true)`;
  const events = await tx.auditEvent.findMany({ where: { id: { in: [...erasure.eventIds] } }, orderBy: { id: "asc" } });
  for (const event of events) {
    const eraseActor = event.actorId !== null && erasure.eraseActor({ channel: event.actorChannel, id: event.actorId });
    const snapshots = { before: event.before, after: event.after };
    const fields = { ...((event.personalFields ?? {}) as PersonalFields) };
    const erasedPaths = new Map<string, unknown>();
    if (event.hashVersion >= 3) {
      for (const [path, field] of Object.entries(fields)) {
        if (field.s === undefined) continue;
        const replacement = erasure.replace(valueAt(snapshots, path));
        if (replacement === undefined) continue;
        erasedPaths.set(path, replacement);
        fields[path] = { c: field.c };
      }
    }
    const actorErasable = eraseActor && event.hashVersion >= 2;
    if ((eraseActor && !actorErasable) || (event.hashVersion < 3 && mentions(snapshots, erasure))) report.kept += 1;
    if (erasedPaths.size === 0 && !actorErasable) continue;
    const erased = withValuesAt(snapshots, erasedPaths.keys(), (_value, path) => erasedPaths.get(path));
    await tx.auditEvent.update({
      where: { id: event.id },
      data: {
        ...(actorErasable ? { actorId: null, actorSalt: null } : {}),
        ...(erasedPaths.size > 0 ? { before: erased.before as never, after: erased.after as never, personalFields: fields } : {}),
      },
    });
    report.erased += 1;
    if (erasedPaths.size > 0) report.fields[String(event.id)] = [...erasedPaths.keys()];
  }
  return report;
}

function mentions(snapshots: { before: unknown; after: unknown }, erasure: AuditErasure): boolean {
  return [...personalValues(snapshots).values()].some((value) => erasure.replace(value) !== undefined);
}
