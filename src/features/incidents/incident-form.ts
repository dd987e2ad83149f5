import { z } from "zod";
import { choices, optionalText, parseForm, requiredText, type FieldErrorsOf, type RawForm } from "./form-text.js";

/**
 * The incident report questions: one definition that every channel renders, and one zod schema every channel
 * parses with. Option texts and descriptions stay within Slack's 75 characters.
 */
export const SEVERITIES = [
  { value: "sev1", label: "SEV1: critical", description: "Serious harm to people or the organisation is happening or imminent" },
  { value: "sev2", label: "SEV2: major", description: "Significant harm or a legal or contractual breach is likely" },
  { value: "sev3", label: "SEV3: moderate", description: "Limited harm, contained or with a workaround" },
  { value: "sev4", label: "SEV4: minor", description: "Near miss or negligible impact, worth learning from" },
] as const;

export const HARMED_PARTIES = [
  { value: "individuals", label: "Individuals" },
  { value: "groups", label: "Groups of people" },
  { value: "society", label: "Society" },
  { value: "organisation", label: "Our organisation" },
] as const;

export const EXTERNAL_PARTIES = [
  { value: "regulator", label: "A regulator or authority" },
  { value: "customers", label: "Customers" },
] as const;

export type Severity = (typeof SEVERITIES)[number]["value"];
export type HarmedParty = (typeof HARMED_PARTIES)[number]["value"];
export type ExternalParty = (typeof EXTERNAL_PARTIES)[number]["value"];

/** SEV1 and SEV2 incidents get a dedicated conversation. */
export function needsDedicatedRoom(severity: Severity): boolean {
  return severity === "sev1" || severity === "sev2";
}

export const INCIDENT_LIMITS = {
  title: 120,
  affectedSystem: 120,
  description: 2500,
  containment: 1500,
} as const;

/** How far ahead of the server's clock a detection time may be, for clocks that disagree a little. */
const CLOCK_SKEW_MS = 5 * 60_000;

const values = <T extends string>(options: readonly { value: T }[]) => options.map((o) => o.value) as [T, ...T[]];

/** Unix seconds (Slack's datetimepicker) or an ISO 8601 date-time (other channels). */
function parseMoment(raw: string): Date | undefined {
  const trimmed = raw.trim();
  const date = /^\d{9,11}$/.test(trimmed) ? new Date(Number(trimmed) * 1000) : new Date(trimmed);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

export function incidentFormSchema(now: Date) {
  return z
    .object({
      title: requiredText("Title", 3, INCIDENT_LIMITS.title),
      aiSystem: optionalText("AI system", 40),
      aiSystemOther: optionalText("AI system", INCIDENT_LIMITS.affectedSystem),
      description: requiredText("What happened", 10, INCIDENT_LIMITS.description),
      detectedAt: z
        .string({ error: "When it was detected is required" })
        .transform((raw, ctx) => {
          const date = parseMoment(raw);
          if (!date) {
            ctx.addIssue({ code: "custom", message: "When it was detected is required" });
            return z.NEVER;
          }
          return date;
        })
        .refine((date) => date.getTime() <= now.getTime() + CLOCK_SKEW_MS, "It cannot have been detected in the future"),
      severity: z.enum(values(SEVERITIES), { error: "Choose a severity" }),
      harmedParties: choices(values(HARMED_PARTIES), "Choose who was or may be harmed from the list"),
      containment: requiredText("Immediate containment", 2, INCIDENT_LIMITS.containment),
      externalReporting: choices(values(EXTERNAL_PARTIES), "Choose who may need to be told from the list"),
    })
    .superRefine((form, ctx) => {
      if (!form.aiSystem && !form.aiSystemOther) {
        ctx.addIssue({
          code: "custom",
          path: ["aiSystemOther"],
          message: "Choose the AI system from the register, or name it here",
        });
      }
    });
}

export type IncidentInput = z.output<ReturnType<typeof incidentFormSchema>>;
export type IncidentField = keyof IncidentInput;
export type RawIncidentForm = RawForm<IncidentField>;
export type IncidentFieldErrors = FieldErrorsOf<IncidentField>;

export function parseIncidentForm(raw: RawIncidentForm, now: Date) {
  return parseForm(incidentFormSchema(now), raw);
}
