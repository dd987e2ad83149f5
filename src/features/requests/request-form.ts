import { z } from "zod";
import { parseFormFields } from "../../core/form-fields.js";
import { SHARED_WORDING } from "../shared-wording.js";

/**
 * The AI tool request questions: one definition that the Slack modal and the Teams card both render, and one zod
 * schema both parse with. Limits sit well inside Slack's (3,000 characters per input).
 */
export const DATA_CATEGORIES = [
  { value: "public", label: "Public information" },
  { value: "internal", label: "Internal information" },
  { value: "confidential", label: "Confidential business information" },
  { value: "personal", label: "Personal data" },
  { value: "special_category", label: "Special-category personal data (health, ethnicity, beliefs...)" },
  { value: "customer", label: "Customer data" },
  { value: "source_code", label: "Source code" },
] as const;

export const ORG_ROLES = [
  { value: "ai_user", label: "AI user: we use the tool for our own work" },
  { value: "ai_provider", label: "AI provider: we offer it to customers in our product" },
  { value: "ai_producer", label: "AI producer: we build or train the model" },
] as const;

export const YES_NO = [
  { value: "yes", label: "Yes" },
  { value: "no", label: "No" },
] as const;

export type DataCategory = (typeof DATA_CATEGORIES)[number]["value"];
export type OrgRoleValue = (typeof ORG_ROLES)[number]["value"];

interface FieldBase {
  id: keyof RequestInput;
  label: string;
  hint?: string;
  optional?: boolean;
}

export type RequestField =
  | (FieldBase & { kind: "text" | "long_text" | "url"; maxLength: number; placeholder?: string })
  | (FieldBase & { kind: "number"; min: number; max: number })
  | (FieldBase & { kind: "multi_select" | "single_select" | "yes_no"; options: readonly { value: string; label: string }[] });

export const LIMITS = {
  toolName: 80,
  vendor: 80,
  url: 500,
  purpose: 1500,
  intendedUsers: 300,
  userCount: 1_000_000,
} as const;

export const REQUEST_FIELDS: readonly RequestField[] = [
  { id: "toolName", kind: "text", label: "Tool name", maxLength: LIMITS.toolName, placeholder: "e.g. GitHub Copilot" },
  { id: "vendor", kind: "text", label: "Vendor", maxLength: LIMITS.vendor, placeholder: "e.g. GitHub (Microsoft)" },
  { id: "url", kind: "url", label: "Link", maxLength: LIMITS.url, optional: true, hint: "The tool's website or documentation." },
  {
    id: "purpose",
    kind: "long_text",
    label: "What will it be used for?",
    maxLength: LIMITS.purpose,
    hint: "The business purpose, in a few sentences.",
  },
  {
    id: "intendedUsers",
    kind: "text",
    label: "Who will use it?",
    maxLength: LIMITS.intendedUsers,
    placeholder: "e.g. the support team",
  },
  { id: "userCount", kind: "number", label: "Roughly how many people?", min: 1, max: LIMITS.userCount },
  {
    id: "dataCategories",
    kind: "multi_select",
    label: "Which data goes into it?",
    options: DATA_CATEGORIES,
    hint: "Choose every kind of data people will put into the tool.",
  },
  { id: "customerFacing", kind: "yes_no", label: "Does its output reach customers?", options: YES_NO },
  {
    id: "decidesAboutPeople",
    kind: "yes_no",
    label: "Is it used to make or inform decisions about people?",
    options: YES_NO,
    hint: "For example hiring, performance, credit or access to services.",
  },
  { id: "orgRole", kind: "single_select", label: "Our role for this AI system", options: ORG_ROLES },
];

const text = (label: string, min: number, max: number) =>
  z
    .string({ error: `${label} is required` })
    .trim()
    .min(min, min <= 1 ? `${label} is required` : `${label} needs at least ${min} characters`)
    .max(max, `${label} must be at most ${max} characters`);

const yesNo = (label: string) =>
  z.enum(["yes", "no"], { error: `Choose yes or no for "${label}"` }).transform((value) => value === "yes");

export const requestInputSchema = z.object({
  toolName: text("Tool name", 2, LIMITS.toolName),
  vendor: text("Vendor", 2, LIMITS.vendor),
  url: z
    .string()
    .trim()
    .max(LIMITS.url, `Link must be at most ${LIMITS.url} characters`)
    .optional()
    .transform((value) => (value ? value : undefined))
    .pipe(z.url({ protocol: /^https?$/, error: "Link must be a web address starting with https://" }).optional()),
  purpose: text("Purpose", 10, LIMITS.purpose),
  intendedUsers: text("Who will use it", 2, LIMITS.intendedUsers),
  userCount: z.coerce
    .number({ error: "Enter a number of people" })
    .int("Enter a whole number of people")
    .min(1, "At least one person will use it")
    .max(LIMITS.userCount, `At most ${LIMITS.userCount.toLocaleString("en")} people`),
  dataCategories: z
    .array(z.enum(DATA_CATEGORIES.map((c) => c.value) as [DataCategory, ...DataCategory[]]), {
      error: SHARED_WORDING.chooseDataKinds,
    })
    .min(1, SHARED_WORDING.chooseDataKinds)
    .transform((values) => [...new Set(values)]),
  customerFacing: yesNo("Does its output reach customers?"),
  decidesAboutPeople: yesNo("Is it used to make or inform decisions about people?"),
  orgRole: z.enum(ORG_ROLES.map((r) => r.value) as [OrgRoleValue, ...OrgRoleValue[]], {
    error: "Choose our role for this AI system",
  }),
});

export type RequestInput = z.output<typeof requestInputSchema>;
/** Form values as a channel collects them: strings, or string lists for multi-selects. */
export type RawRequestForm = Partial<Record<keyof RequestInput, string | string[] | undefined>> & {
  /** Questions other capabilities add to the form (the EU AI Act classification), by field id. */
  [extra: `aiact_${string}`]: string | string[] | undefined;
};

/** Errors by field id: the request's own fields and the questions other capabilities add. */
export type FieldErrors = Partial<Record<keyof RequestInput, string>> & Record<string, string | undefined>;

export function parseRequestForm(
  raw: RawRequestForm,
): { ok: true; input: RequestInput } | { ok: false; errors: FieldErrors } {
  return parseFormFields(requestInputSchema, raw);
}

/** The stored values of a request as form values, to prefill an edit. */
export function toRawForm(
  input: Omit<RequestInput, "url" | "dataCategories"> & { url?: string | null; dataCategories: string[] },
): RawRequestForm {
  return {
    ...input,
    dataCategories: input.dataCategories,
    url: input.url ?? "",
    userCount: String(input.userCount),
    customerFacing: input.customerFacing ? "yes" : "no",
    decidesAboutPeople: input.decidesAboutPeople ? "yes" : "no",
  };
}

export function optionLabel(options: readonly { value: string; label: string }[], value: string): string {
  return options.find((option) => option.value === value)?.label ?? value;
}
