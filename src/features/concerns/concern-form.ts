import { z } from "zod";
import { parseFormFields } from "../../core/form-fields.js";

export const CONCERN_CATEGORIES = [
  { value: "bias", label: "Bias or discrimination" },
  { value: "privacy", label: "Privacy" },
  { value: "safety", label: "Safety" },
  { value: "misuse", label: "Misuse" },
  { value: "transparency", label: "Transparency" },
  { value: "legal", label: "Legal" },
  { value: "other", label: "Other" },
] as const;

export type ConcernCategoryValue = (typeof CONCERN_CATEGORIES)[number]["value"];

export const DESCRIPTION_MAX = 3000;
export const AI_SYSTEM_TEXT_MAX = 200;
export const QUOTE_MAX = 2000;
export const MESSAGE_MAX = 2000;

/** The concern form as any channel reads it back, before validation. */
export interface RawConcernForm {
  description?: string;
  category?: string;
  /** A register reference such as SYS-0001. */
  aiSystemReference?: string;
  /** The AI system in the reporter's words, when it is not in the register. */
  aiSystemText?: string;
  anonymous?: boolean;
}

export type ConcernFormField = "description" | "category" | "aiSystemReference" | "aiSystemText";
export type ConcernFieldErrors = Partial<Record<ConcernFormField, string>>;

const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} can be at most ${max} characters`)
    .optional()
    .transform((value) => value || undefined);

export const concernFormSchema = z.object({
  description: z
    .string({ error: "Please describe what happened" })
    .trim()
    .min(10, "Please describe what happened in at least 10 characters")
    .max(DESCRIPTION_MAX, `What happened can be at most ${DESCRIPTION_MAX} characters`),
  category: z.enum(CONCERN_CATEGORIES.map((c) => c.value) as [ConcernCategoryValue, ...ConcernCategoryValue[]], {
    error: "Please choose a category",
  }),
  aiSystemReference: optionalText(40, "The AI system"),
  aiSystemText: optionalText(AI_SYSTEM_TEXT_MAX, "The AI system"),
  anonymous: z.boolean().default(false),
});

export type ConcernInput = z.output<typeof concernFormSchema>;

export function parseConcernForm(form: RawConcernForm): { ok: true; input: ConcernInput } | { ok: false; errors: ConcernFieldErrors } {
  return parseFormFields<typeof concernFormSchema, ConcernFormField>(concernFormSchema, form);
}

export function categoryLabel(category: string): string {
  return CONCERN_CATEGORIES.find((c) => c.value === category)?.label ?? category;
}

/** Free text written to a concern's conversation (questions, answers, outcome reasons). */
export function cleanMessage(text: string | undefined): string | null {
  const trimmed = text?.trim() ?? "";
  return trimmed ? trimmed.slice(0, MESSAGE_MAX) : null;
}
