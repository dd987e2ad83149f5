import type { Prisma } from "../db/database.js";
import { recordAudit } from "./audit.js";
import type { Clock } from "./clock.js";
import type { Tx } from "./transaction.js";

/** The audit action that explains a gap in a prefix's numbers: a reference handed out whose change never committed. */
export const UNUSED_REFERENCE_ACTION = "reference.unused";
/** ISO/IEC 42001 7.5.3: control of documented information (why a number is missing from the records). */
const UNUSED_REFERENCE_CONTROLS = ["7.5.3"] as const;

async function incrementCounter(db: Prisma | Tx, prefix: string): Promise<string> {
  const [row] = await db.$queryRaw<{ lastValue: number }[]>`
    INSERT INTO "ReferenceCounter" ("prefix", "lastValue") VALUES (${prefix}, 1)
    ON CONFLICT ("prefix") DO UPDATE SET "lastValue" = "ReferenceCounter"."lastValue" + 1
    RETURNING "lastValue"`;
  return `${prefix}-${String(row.lastValue).padStart(4, "0")}`;
}

/**
 * Allocates the next reference for a prefix inside the caller's transaction: the counter row stays locked until that
 * transaction ends, so the numbers are gapless but every change of this prefix waits for the one before to commit.
 * For records made rarely (objectives, reviews, assessments, register entries); see withNewReference for forms.
 */
export function nextReference(tx: Tx, prefix: string): Promise<string> {
  return incrementCounter(tx, prefix);
}

/**
 * Allocates the next reference for a prefix (REQ-0001, INC-0042 ...) in a statement of its own, which commits at
 * once, so the counter row is locked for microseconds and concurrent submissions do not queue behind each other;
 * then runs `create` (the transaction that stores the record under it). References stay unique and are handed out
 * in increasing order (records may commit in another order). When `create` fails the number is never used: the gap
 * is explained by a "reference.unused" audit event in the hash chain, so an auditor reading REQ-0041, REQ-0043 finds
 * why REQ-0042 is missing. Only a crash (or a database outage) between the allocation and that event leaves a gap
 * without one. Not to be called inside a transaction: the embedded database has one connection.
 */
export async function withNewReference<T>(
  deps: { prisma: Prisma; clock: Clock },
  prefix: string,
  create: (reference: string) => Promise<T>,
): Promise<T> {
  const reference = await incrementCounter(deps.prisma, prefix);
  try {
    return await create(reference);
  } catch (error) {
    // The caller reports `error`; failing to explain the gap too (the database is down) must not hide it.
    await recordUnusedReference(deps, reference).catch(() => undefined);
    throw error;
  }
}

function recordUnusedReference({ prisma, clock }: { prisma: Prisma; clock: Clock }, reference: string): Promise<void> {
  return prisma.$transaction((tx) =>
    recordAudit(tx, clock, {
      actor: null,
      action: UNUSED_REFERENCE_ACTION,
      entityType: "reference",
      entityId: reference,
      after: { reason: "the change it was allocated for did not commit; the number is not reused" },
      controls: UNUSED_REFERENCE_CONTROLS,
    }),
  );
}
