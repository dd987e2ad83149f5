import { z } from "zod";
import { optionalText, parseForm, requiredText, type FieldErrorsOf, type RawForm } from "../incidents/form-text.js";

/** Within what a Slack text input holds (3,000), counting characters outside the basic plane twice. */
export const NC_LIMITS = { description: 1500, reaction: 1500, rootCause: 1500, note: 1000, title: 150 } as const;

export const NC_SOURCES = [
  { value: "manual", label: "Found by hand" },
  { value: "incident", label: "An AI incident" },
  { value: "concern", label: "A concern" },
  { value: "audit_finding", label: "An internal audit finding" },
] as const;
export type NcSourceKind = (typeof NC_SOURCES)[number]["value"];

export const IMPROVEMENT_STATUSES = [
  { value: "open", label: "Open" },
  { value: "planned", label: "Planned" },
  { value: "done", label: "Done" },
  { value: "declined", label: "Declined" },
] as const;
export type ImprovementStatusValue = (typeof IMPROVEMENT_STATUSES)[number]["value"];

export const CHECK_OUTCOMES = [
  { value: "effective", label: "Effective: the nonconformity has not come back" },
  { value: "ineffective", label: "Not effective: new actions are needed" },
] as const;

const ownerSchema = z.string({ error: "Choose who owns it" }).trim().min(1, "Choose who owns it");

export const raiseSchema = z.object({
  description: requiredText("What is wrong", 5, NC_LIMITS.description),
  reaction: optionalText("The immediate reaction", NC_LIMITS.reaction),
  ownerId: ownerSchema,
});
export type RaiseInput = z.output<typeof raiseSchema>;
export type RaiseField = keyof RaiseInput;

export const analysisSchema = z.object({
  reaction: optionalText("The immediate reaction", NC_LIMITS.reaction),
  rootCause: optionalText("The root cause", NC_LIMITS.rootCause),
});
export type AnalysisField = keyof z.output<typeof analysisSchema>;

export const checkSchema = z.object({
  outcome: z.enum(["effective", "ineffective"], { error: "Say whether the actions worked" }),
  note: requiredText("What was checked", 5, NC_LIMITS.note),
});
export type CheckField = keyof z.output<typeof checkSchema>;

export const improvementSchema = z.object({
  title: requiredText("The improvement", 5, NC_LIMITS.title),
  description: requiredText("Why and how", 5, NC_LIMITS.description),
});
export type ImprovementField = keyof z.output<typeof improvementSchema>;

export const improvementStatusSchema = z.object({
  status: z.enum(["open", "planned", "done", "declined"], { error: "Choose a status" }),
  note: optionalText("The note", NC_LIMITS.note),
});
export type ImprovementStatusField = keyof z.output<typeof improvementStatusSchema>;

export const parseRaise = (raw: RawForm<RaiseField>) => parseForm(raiseSchema, raw);
export const parseAnalysis = (raw: RawForm<AnalysisField>) => parseForm(analysisSchema, raw);
export const parseCheck = (raw: RawForm<CheckField>) => parseForm(checkSchema, raw);
export const parseImprovement = (raw: RawForm<ImprovementField>) => parseForm(improvementSchema, raw);
export const parseImprovementStatus = (raw: RawForm<ImprovementStatusField>) => parseForm(improvementStatusSchema, raw);

export type NcFieldErrors = FieldErrorsOf<string>;
