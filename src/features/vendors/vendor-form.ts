import { z } from "zod";
import { type FieldErrors, parseFormFields } from "../../core/form-fields.js";

export const VENDOR_LIMITS = { name: 100, domains: 10, domainsText: 500, note: 1000 } as const;

const DOMAIN = /^(?=.{3,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** "https://www.OpenAI.com/x" → "openai.com": the host people type, without scheme, path or www. */
export function normaliseDomain(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/^[a-z]+:\/\//, "")
    .replace(/[/?#].*$/, "")
    .replace(/^www\./, "");
}

export const vendorNameSchema = z
  .string({ error: "Give the vendor's name" })
  .trim()
  .min(2, "Give the vendor's name")
  .max(VENDOR_LIMITS.name, `Keep the name under ${VENDOR_LIMITS.name} characters`);

/** A vendor as an AIMS owner adds it: its name, its domains (one per line or comma) and its internal owner. */
export const vendorSchema = z.object({
  name: vendorNameSchema,
  domains: z
    .string()
    .max(VENDOR_LIMITS.domainsText, `Keep the domains under ${VENDOR_LIMITS.domainsText} characters`)
    .optional()
    .transform((text) => [...new Set((text ?? "").split(/[\s,]+/).filter(Boolean).map(normaliseDomain))])
    .pipe(z.array(z.string().regex(DOMAIN, "Each domain must look like example.com")).max(VENDOR_LIMITS.domains, `At most ${VENDOR_LIMITS.domains} domains`)),
  ownerId: z.string().trim().optional().transform((id) => id || undefined),
});

export type VendorInput = z.output<typeof vendorSchema>;
export type VendorErrors = FieldErrors<keyof VendorInput>;
export const parseVendor = (raw: Record<string, unknown>) => parseFormFields(vendorSchema, raw);

/** The outcomes of a review (A.10.3), in the order the form offers them. */
export const VENDOR_OUTCOMES = [
  { value: "acceptable", label: "Acceptable" },
  { value: "acceptable_with_conditions", label: "Acceptable with conditions" },
  { value: "not_acceptable", label: "Not acceptable" },
] as const;
export type VendorOutcome = (typeof VENDOR_OUTCOMES)[number]["value"];

export const outcomeSchema = z
  .object({
    outcome: z.enum(VENDOR_OUTCOMES.map((option) => option.value) as [VendorOutcome, ...VendorOutcome[]], { error: "Choose the outcome" }),
    note: z.string().trim().max(VENDOR_LIMITS.note, `Keep it under ${VENDOR_LIMITS.note} characters`).optional().transform((note) => note || undefined),
  })
  .superRefine((input, context) => {
    if (input.outcome !== "acceptable" && !input.note) {
      context.addIssue({ code: "custom", path: ["note"], message: input.outcome === "not_acceptable" ? "Say why it is not acceptable" : "Give the conditions of use" });
    }
  });

export type OutcomeInput = z.output<typeof outcomeSchema>;
export type OutcomeErrors = FieldErrors<keyof OutcomeInput>;
export const parseOutcome = (raw: Record<string, unknown>) => parseFormFields(outcomeSchema, raw);
