import type { z } from "zod";

/** Adds one file-level issue listing ids that occur more than once. */
export function reportDuplicates(ctx: z.RefinementCtx, kind: string, found: readonly string[]): void {
  const duplicates = [...new Set(found.filter((id, index) => found.indexOf(id) !== index))];
  if (duplicates.length > 0) ctx.addIssue({ code: "custom", message: `duplicate ${kind} ids: ${duplicates.join(", ")}` });
}

/** Adds one file-level issue listing expected ids that are absent. */
export function reportMissing(
  ctx: z.RefinementCtx,
  kind: string,
  expected: readonly string[],
  found: readonly string[],
): void {
  const missing = expected.filter((id) => !found.includes(id));
  if (missing.length > 0) ctx.addIssue({ code: "custom", message: `missing ${kind} ids: ${missing.join(", ")}` });
}
