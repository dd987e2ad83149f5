import { z } from "zod";
import { parseFormFields } from "../../core/form-fields.js";

/**
 * A required trimmed text answer with readable length messages. A missing answer is not a type error, so that it
 * does not stop the form's own checks (say who, when it is someone else) from being explained at the same time.
 */
export const requiredText = (label: string, min: number, max: number) =>
  z
    .string({ error: `${label} is required` })
    .trim()
    .min(min, min <= 1 ? `${label} is required` : `${label} needs at least ${min} characters`)
    .max(max, `${label} must be at most ${max} characters`)
    .optional()
    .refine((value) => value !== undefined, `${label} is required`)
    .transform((value) => value as string);

/** An optional trimmed text answer: empty becomes undefined. */
export const optionalText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${label} must be at most ${max} characters`)
    .optional()
    .transform((value) => (value ? value : undefined));

/** A multi-choice answer: absent means none chosen; duplicates are dropped. */
export const choices = <T extends string>(values: readonly [T, ...T[]], message: string) =>
  z
    .array(z.enum(values, { error: message }))
    .optional()
    .transform((chosen) => [...new Set(chosen ?? [])]);

/** Form values as a channel collects them: strings, or string lists for multi-selects and checkboxes. */
export type RawForm<K extends string> = Partial<Record<K, string | string[] | undefined>>;

export type FieldErrorsOf<K extends string> = Partial<Record<K, string>>;

/** Runs a zod schema over raw form values, returning the first message per field. */
export function parseForm<S extends z.ZodType, K extends string>(
  schema: S,
  raw: RawForm<K>,
): { ok: true; input: z.output<S> } | { ok: false; errors: FieldErrorsOf<K> } {
  return parseFormFields<S, K>(schema, raw);
}

export function optionLabel(options: readonly { value: string; label: string }[], value: string): string {
  return options.find((option) => option.value === value)?.label ?? value;
}
