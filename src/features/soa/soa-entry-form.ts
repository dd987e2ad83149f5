import { z } from "zod";
import { parseFormFields } from "../../core/form-fields.js";

/** The fields of one SoA line a person edits, as any channel collects them (before validation). */
export interface RawSoaEntryForm {
  applicable?: boolean;
  justification?: string;
  implementation?: string;
  owner?: string;
}

export interface SoaEntryInput {
  applicable: boolean;
  justification: string;
  implementation: string | null;
  owner: string | null;
}

export type SoaEntryField = keyof SoaEntryInput;
export type SoaEntryErrors = Partial<Record<SoaEntryField, string>>;

export const SOA_TEXT_LIMITS = { justification: 2000, implementation: 2000, owner: 200 } as const;

const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} can be at most ${max} characters`)
    .optional()
    .transform((value) => (value ? value : null));

const schema = z
  .object({
    applicable: z.boolean({ error: "Choose whether the control is applicable" }),
    justification: z
      .string()
      .trim()
      .max(SOA_TEXT_LIMITS.justification, `Justification can be at most ${SOA_TEXT_LIMITS.justification} characters`)
      .default(""),
    implementation: optionalText(SOA_TEXT_LIMITS.implementation, "Implementation"),
    owner: optionalText(SOA_TEXT_LIMITS.owner, "Owner"),
  })
  .superRefine((form, ctx) => {
    // ISO 42001 6.1.3 d): every exclusion of an Annex A control needs its justification.
    if (!form.applicable && form.justification.length === 0) {
      ctx.addIssue({
        code: "custom",
        path: ["justification"],
        message: "Explain why this control is not applicable; the SoA must justify every exclusion",
      });
    }
  });

export function parseSoaEntryForm(form: RawSoaEntryForm): { ok: true; input: SoaEntryInput } | { ok: false; errors: SoaEntryErrors } {
  return parseFormFields(schema, form);
}
