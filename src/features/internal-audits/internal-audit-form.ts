import { z } from "zod";
import { type FieldErrors, parseFormFields } from "../../core/form-fields.js";
import { normaliseScope } from "./audit-scope.js";

export const AUDIT_LIMITS = { title: 150, note: 2000, links: 10, link: 500, linksText: 3000 } as const;

const todayUtc = (now: Date) => now.toISOString().slice(0, 10);

const dayField = (missing: string) =>
  z
    .string({ error: missing })
    .regex(/^\d{4}-\d{2}-\d{2}$/, missing)
    .refine((day) => !Number.isNaN(new Date(`${day}T00:00:00Z`).getTime()), "That is not a date")
    .transform((day) => new Date(`${day}T00:00:00Z`));

/** An audit as the AIMS owner plans it: title, auditor, scope and dates (from today on; the end not before the start). */
export function auditPlanSchema(now: Date) {
  return z
    .object({
      title: z.string({ error: "Give the audit a name" }).trim().min(3, "Give the audit a name of at least 3 characters").max(AUDIT_LIMITS.title, `Keep the name under ${AUDIT_LIMITS.title} characters`),
      auditorId: z.string({ error: "Choose the auditor" }).trim().min(1, "Choose the auditor"),
      scope: z
        .array(z.string(), { error: "Choose at least one clause or control" })
        .transform((ids, context) => {
          const { scope, unknown } = normaliseScope(ids);
          if (unknown.length > 0) context.addIssue({ code: "custom", message: `Not a clause or Annex A control: ${unknown.join(", ")}` });
          else if (scope.length === 0) context.addIssue({ code: "custom", message: "Choose at least one clause or control" });
          return scope;
        }),
      plannedStart: dayField("Pick the day the audit starts").refine((day) => day.toISOString().slice(0, 10) >= todayUtc(now), "The audit cannot start in the past"),
      plannedEnd: dayField("Pick the day the audit ends"),
    })
    .superRefine((input, context) => {
      if (input.plannedEnd < input.plannedStart) context.addIssue({ code: "custom", path: ["plannedEnd"], message: "The audit cannot end before it starts" });
    });
}

export type AuditPlanInput = z.output<ReturnType<typeof auditPlanSchema>>;
export type AuditPlanErrors = FieldErrors<keyof AuditPlanInput>;

export const parseAuditPlan = (raw: Record<string, unknown>, now: Date) => parseFormFields(auditPlanSchema(now), raw);

/** The kinds of finding (ISO 42001 9.2, 10.2), in the order the form offers them. */
export const FINDING_KINDS = [
  { value: "conforming", label: "Conforming" },
  { value: "observation", label: "Observation" },
  { value: "improvement", label: "Opportunity for improvement" },
  { value: "minor_nc", label: "Minor nonconformity" },
  { value: "major_nc", label: "Major nonconformity" },
] as const;

export type FindingKind = (typeof FINDING_KINDS)[number]["value"];
export const NONCONFORMITY_KINDS: readonly FindingKind[] = ["minor_nc", "major_nc"];
export const findingKindLabel = (kind: string) => FINDING_KINDS.find((option) => option.value === kind)?.label ?? kind;

/** One finding on one checklist item: its kind, what the auditor saw, and links to the evidence (one per line). */
export const findingSchema = z.object({
  kind: z.enum(FINDING_KINDS.map((option) => option.value) as [FindingKind, ...FindingKind[]], { error: "Choose what you found" }),
  note: z.string({ error: "Say what you found" }).trim().min(3, "Say what you found in a few words").max(AUDIT_LIMITS.note, `Keep it under ${AUDIT_LIMITS.note} characters`),
  evidenceLinks: z
    .string()
    .max(AUDIT_LIMITS.linksText, `Keep the links under ${AUDIT_LIMITS.linksText} characters in all`)
    .optional()
    .transform((text) => (text ?? "").split(/[\s,]+/).filter(Boolean))
    .pipe(
      z
        .array(z.url({ protocol: /^https?$/, message: "Each evidence link must be a full https:// link" }).max(AUDIT_LIMITS.link, `Keep each link under ${AUDIT_LIMITS.link} characters`))
        .max(AUDIT_LIMITS.links, `At most ${AUDIT_LIMITS.links} links`),
    ),
});

export type FindingInput = z.output<typeof findingSchema>;
export type FindingErrors = FieldErrors<keyof FindingInput>;
export const parseFinding = (raw: Record<string, unknown>) => parseFormFields(findingSchema, raw);
