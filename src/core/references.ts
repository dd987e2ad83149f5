import type { Tx } from "./transaction.js";

/**
 * Allocates the next human-readable reference for a prefix (REQ-0001, INC-0042 ...). The counter row is locked by
 * the upsert until the caller's transaction ends, so concurrent replicas never hand out the same number.
 */
export async function nextReference(tx: Tx, prefix: string): Promise<string> {
  const [row] = await tx.$queryRaw<{ lastValue: number }[]>`
    INSERT INTO "ReferenceCounter" ("prefix", "lastValue") VALUES (${prefix}, 1)
    ON CONFLICT ("prefix") DO UPDATE SET "lastValue" = "ReferenceCounter"."lastValue" + 1
    RETURNING "lastValue"`;
  return `${prefix}-${String(row.lastValue).padStart(4, "0")}`;
}
