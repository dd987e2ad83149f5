import type { z } from "zod";
import { unstorableFields } from "./storable-text.js";

/** Field name → first problem, for forms that show errors next to their fields. */
export type FieldErrors<K extends PropertyKey> = Partial<Record<K, string>>;

export type ParsedForm<T, K extends PropertyKey> = { ok: true; input: T } | { ok: false; errors: FieldErrors<K> };

/**
 * The one parser behind every form of every channel: a value with text the database cannot store is refused on
 * its own field before the form's zod schema runs; otherwise the schema's first message per field.
 */
export function parseFormFields<S extends z.ZodType, K extends PropertyKey = keyof z.output<S>>(
  schema: S,
  raw: unknown,
): ParsedForm<z.output<S>, K> {
  const unstorable = unstorableFields(raw);
  if (Object.keys(unstorable).length > 0) return { ok: false, errors: unstorable as FieldErrors<K> };
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, input: result.data };
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) errors[String(issue.path[0] ?? "")] ??= issue.message;
  return { ok: false, errors: errors as FieldErrors<K> };
}
