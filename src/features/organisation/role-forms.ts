import { z } from "zod";
import { parseFormFields, type ParsedForm } from "../../core/form-fields.js";
import { AIMS_ROLES, type AimsRole } from "../../core/roles.js";
import type { IdentityRef } from "./identity-key.js";

const MAX_REASON = 500;

const role = z.enum(AIMS_ROLES as [AimsRole, ...AimsRole[]], { error: "Pick a role." });
const reason = z
  .string({ error: "Say why: the roles register keeps it." })
  .trim()
  .min(1, "Say why: the roles register keeps it.")
  .max(MAX_REASON, `Keep the reason under ${MAX_REASON} characters.`);
const person = z.object({ channel: z.enum(["slack", "teams"]), id: z.string().min(1) }, { error: "Pick a person." });

/** A grant as a form sends it: the person from a people picker, `until` as YYYY-MM-DD or empty. */
export interface RawGrantForm {
  role?: unknown;
  person?: IdentityRef | null;
  reason?: unknown;
  until?: unknown;
}

export interface RawBindForm {
  role?: unknown;
  reason?: unknown;
}

function grantSchema(today: Date) {
  return z.object({
    role,
    person,
    reason,
    until: z
      .union([z.literal(""), z.null(), z.undefined(), z.iso.date({ error: "Use a date such as 2027-03-31." })])
      .transform((value) => (value ? new Date(`${value}T00:00:00Z`) : null))
      .refine((date) => date === null || date > today, "Pick a date after today, or leave it empty."),
  });
}

export type GrantInput = z.output<ReturnType<typeof grantSchema>>;

export function parseGrantForm(raw: RawGrantForm, today: Date): ParsedForm<GrantInput, string> {
  return parseFormFields(grantSchema(today), raw);
}

const bindSchema = z.object({ role, reason });

export function parseBindForm(raw: RawBindForm): ParsedForm<z.output<typeof bindSchema>, string> {
  return parseFormFields(bindSchema, raw);
}

export function parseReason(raw: unknown): { ok: true; value: string } | { ok: false; errors: Partial<Record<string, string>> } {
  const parsed = parseFormFields(z.object({ reason }), { reason: raw });
  return parsed.ok ? { ok: true, value: parsed.input.reason } : { ok: false, errors: parsed.errors };
}
