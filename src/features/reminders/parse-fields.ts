import type { z } from "zod";
import { parseFormFields } from "../../core/form-fields.js";

/** Field name → first problem, for forms that show errors next to fields. */
export type FieldErrors<T> = Partial<Record<keyof T, string>>;

/** Parses form values with a zod schema; on failure returns the first message per field. */
export function parseFields<S extends z.ZodType<Record<string, unknown>>>(schema: S, raw: unknown):
  | { ok: true; input: z.output<S> }
  | { ok: false; errors: FieldErrors<z.output<S>> } {
  return parseFormFields(schema, raw);
}
