import { z } from "zod";

/** An enum whose error message quotes the rejected value, e.g. `"A.10.9" is not an Annex A control id`. */
export function oneOf<const Values extends readonly [string, ...string[]]>(values: Values, description: string) {
  return z.enum(values, { error: (issue) => `${JSON.stringify(issue.input)} is not ${description}` });
}

/** Adds one file-level issue listing ids that occur more than once. */
export function reportDuplicates(ctx: z.RefinementCtx, kind: string, found: readonly string[]): void {
  const duplicates = [...new Set(found.filter((id, index) => found.indexOf(id) !== index))];
  if (duplicates.length > 0) {
    ctx.addIssue({ code: "custom", message: `duplicate ${kind} ids: ${duplicates.join(", ")}` });
  }
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
