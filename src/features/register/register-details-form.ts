import { z } from "zod";
import { parseFormFields } from "../../core/form-fields.js";
import { DATA_CATEGORIES, type DataCategory } from "../requests/request-form.js";
import { SHARED_WORDING } from "../shared-wording.js";

export const HOSTING = [
  { value: "saas", label: "SaaS: the vendor hosts it" },
  { value: "self_hosted", label: "Self-hosted: we run it" },
] as const;

export const DETAIL_LIMITS = { modelName: 100, modelVersion: 60, hostingRegion: 80, operators: 300, guidanceUrl: 500, conditionsOfUse: 1500, reason: 500 } as const;

const optionalText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${label} must be at most ${max} characters`)
    .optional()
    .transform((value) => value || null);

/** The register details an owner keeps (A.4.2-A.4.6, A.6.2.2-A.6.2.8), with why they changed. */
export const detailsSchema = z.object({
  modelName: optionalText("Model", DETAIL_LIMITS.modelName),
  modelVersion: optionalText("Version", DETAIL_LIMITS.modelVersion),
  hosting: z
    .enum(["saas", "self_hosted"], { error: "Choose where it runs" })
    .optional()
    .transform((value) => value ?? null),
  hostingRegion: optionalText("Region", DETAIL_LIMITS.hostingRegion),
  operators: optionalText("Who operates it", DETAIL_LIMITS.operators),
  dataCategories: z
    .array(z.enum(DATA_CATEGORIES.map((category) => category.value) as [DataCategory, ...DataCategory[]]), { error: SHARED_WORDING.chooseDataKinds })
    .min(1, SHARED_WORDING.chooseDataKinds)
    .transform((values) => [...new Set(values)]),
  guidanceUrl: z
    .string()
    .trim()
    .max(DETAIL_LIMITS.guidanceUrl, `The link must be at most ${DETAIL_LIMITS.guidanceUrl} characters`)
    .optional()
    .transform((value) => value || undefined)
    .pipe(z.url({ protocol: /^https?$/, error: "The guidance link must be a web address starting with https://" }).optional())
    .transform((value) => value ?? null),
  conditionsOfUse: optionalText("Conditions of use", DETAIL_LIMITS.conditionsOfUse),
  reason: z.string({ error: "Say why it changes" }).trim().min(3, "Say why it changes").max(DETAIL_LIMITS.reason, `At most ${DETAIL_LIMITS.reason} characters`),
});

export type DetailsInput = z.output<typeof detailsSchema>;
export type RawDetails = Partial<Record<Exclude<keyof DetailsInput, "dataCategories">, string | undefined>> & { dataCategories?: string[] };

export const parseDetails = (raw: RawDetails) => parseFormFields(detailsSchema, raw);
