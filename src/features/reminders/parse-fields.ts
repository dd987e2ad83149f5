import type { z } from "zod";

/** Field name → first problem, for forms that show errors next to fields. */
export type FieldErrors<T> = Partial<Record<keyof T, string>>;

/** Parses form values with a zod schema; on failure returns the first message per field. */
export function parseFields<S extends z.ZodType<Record<string, unknown>>>(schema: S, raw: unknown):
  | { ok: true; input: z.output<S> }
  | { ok: false; errors: FieldErrors<z.output<S>> } {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, input: parsed.data };
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
  return { ok: false, errors: errors as FieldErrors<z.output<S>> };
}
