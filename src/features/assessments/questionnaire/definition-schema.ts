import { z } from "zod";
import { isIsoControlOrClauseId } from "./iso-control-ids.js";
import { RISK_LEVELS } from "../../../core/risk-levels.js";

/**
 * Shape of a questionnaire definition file. Checks that involve one object live here (as refinements);
 * checks across the whole definition (unique ids, references to other questions) live in cross-checks.ts.
 * Length limits come from what a Slack modal / Teams card can show (see platform-facts.md).
 */

export const QUESTION_TYPES = [
  "single_choice",
  "multi_choice",
  "text",
  "long_text",
  "yes_no",
  "scale",
  "likelihood_severity",
  "date",
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export const CHOICE_TYPES: readonly QuestionType[] = ["single_choice", "multi_choice"];
export const TEXT_TYPES: readonly QuestionType[] = ["text", "long_text"];
export const YES_NO_VALUES = ["yes", "no"] as const;
export const RATING_MIN = 1;
export const RATING_MAX = 5;
export const MAX_TEXT_LENGTH = 3000;
export const DEFAULT_MAX_LENGTH: Record<"text" | "long_text", number> = { text: 255, long_text: MAX_TEXT_LENGTH };

const ID_PATTERN = /^[a-z0-9_]+$/;

function identifier(maxLength: number) {
  return z
    .string()
    .min(1, "must not be empty")
    .max(maxLength)
    .regex(ID_PATTERN, "must use only lowercase letters, digits and underscores");
}

function displayText(maxLength: number) {
  return z.string().trim().min(1, "must not be empty").max(maxLength);
}

const riskLevelSchema = z.enum(RISK_LEVELS);
const ratingLabelsSchema = z.array(displayText(75)).length(RATING_MAX - RATING_MIN + 1);

export const conditionSchema = z
  .strictObject({
    question: identifier(60),
    equals: z.union([z.string(), z.number()]).optional(),
    not_equals: z.union([z.string(), z.number()]).optional(),
    in: z.array(z.union([z.string(), z.number()])).min(1).optional(),
    includes: z.string().optional(),
    includes_any: z.array(z.string()).min(1).optional(),
    at_least: z.number().optional(),
    at_most: z.number().optional(),
  })
  .superRefine((condition, ctx) => {
    const operators = conditionOperators(condition);
    if (operators.length !== 1) {
      ctx.addIssue({
        code: "custom",
        message: `needs exactly one of ${CONDITION_OPERATORS.join(", ")} (found ${operators.length === 0 ? "none" : operators.join(", ")})`,
      });
    }
  });
export type Condition = z.output<typeof conditionSchema>;

export const CONDITION_OPERATORS = ["equals", "not_equals", "in", "includes", "includes_any", "at_least", "at_most"] as const;
export type ConditionOperator = (typeof CONDITION_OPERATORS)[number];

export function conditionOperators(condition: Condition): ConditionOperator[] {
  return CONDITION_OPERATORS.filter((operator) => condition[operator] !== undefined);
}

const reasonTemplateSchema = displayText(300);

export const optionSchema = z
  .strictObject({
    value: identifier(75),
    label: displayText(75),
    weight: z.number().finite().optional(),
    raises_to: riskLevelSchema.optional(),
    reason: reasonTemplateSchema.optional(),
  })
  .superRefine((option, ctx) => {
    if (option.raises_to !== undefined && option.reason === undefined) {
      ctx.addIssue({ code: "custom", path: ["reason"], message: "is required when raises_to is set (approvers read it)" });
    }
    if (option.reason !== undefined && option.raises_to === undefined) {
      ctx.addIssue({ code: "custom", path: ["raises_to"], message: "is required when a reason is given" });
    }
  });
export type QuestionOption = z.output<typeof optionSchema>;

export const questionSchema = z
  .strictObject({
    id: identifier(60),
    label: displayText(150),
    help: displayText(300).optional(),
    type: z.enum(QUESTION_TYPES),
    required: z.boolean().default(true),
    options: z.array(optionSchema).min(1).max(100).optional(),
    show_if: conditionSchema.optional(),
    max_length: z.number().int().min(1).max(MAX_TEXT_LENGTH).optional(),
    /** scale only: what 1..5 mean, lowest first. */
    scale_labels: ratingLabelsSchema.optional(),
    /** likelihood_severity only: short name of the affected group, used in scoring output. */
    group_label: displayText(75).optional(),
  })
  .superRefine((question, ctx) => {
    const isChoice = CHOICE_TYPES.includes(question.type);
    if (isChoice && question.options === undefined) {
      ctx.addIssue({ code: "custom", message: `options are required for ${question.type}` });
    }
    if (!isChoice && question.options !== undefined) {
      ctx.addIssue({ code: "custom", path: ["options"], message: `are only allowed for choice questions, not ${question.type}` });
    }
    const duplicates = duplicateValues((question.options ?? []).map((option) => option.value));
    if (duplicates.length > 0) {
      ctx.addIssue({ code: "custom", path: ["options"], message: `option values must be unique (repeated: ${duplicates.join(", ")})` });
    }
    if (question.max_length !== undefined && !TEXT_TYPES.includes(question.type)) {
      ctx.addIssue({ code: "custom", path: ["max_length"], message: `is only allowed for text and long_text, not ${question.type}` });
    }
    if (question.scale_labels !== undefined && question.type !== "scale") {
      ctx.addIssue({ code: "custom", path: ["scale_labels"], message: `is only allowed for scale, not ${question.type}` });
    }
    if (question.group_label !== undefined && question.type !== "likelihood_severity") {
      ctx.addIssue({ code: "custom", path: ["group_label"], message: `is only allowed for likelihood_severity, not ${question.type}` });
    }
  });
export type Question = z.output<typeof questionSchema>;

const controlIdSchema = z.string().refine(isIsoControlOrClauseId, {
  error: (issue) => `"${String(issue.input)}" is not an ISO 42001 Annex A control id (A.x.y) or clause id (4.x to 10.x)`,
});

export const sectionSchema = z.strictObject({
  id: identifier(60),
  title: displayText(60),
  description: displayText(1000).optional(),
  controls: z.array(controlIdSchema).default([]),
  questions: z.array(questionSchema).min(1),
});
export type Section = z.output<typeof sectionSchema>;

export const scoringRuleSchema = z
  .strictObject({
    id: identifier(60),
    when: z.strictObject({
      all: z.array(conditionSchema).min(1).optional(),
      any: z.array(conditionSchema).min(1).optional(),
    }),
    raises_to: riskLevelSchema,
    reason: reasonTemplateSchema,
  })
  .superRefine((rule, ctx) => {
    if (rule.when.all === undefined && rule.when.any === undefined) {
      ctx.addIssue({ code: "custom", path: ["when"], message: "needs all: [...] or any: [...] conditions" });
    }
  });
export type ScoringRule = z.output<typeof scoringRuleSchema>;

/** Spec buckets for likelihood x severity: 1-4 low, 5-9 medium, 10-16 high, 20-25 critical. */
export const DEFAULT_RISK_BUCKETS = [
  { max: 4, level: "low" },
  { max: 9, level: "medium" },
  { max: 16, level: "high" },
  { max: 25, level: "critical" },
] as const;

const riskBucketsSchema = z
  .array(z.strictObject({ max: z.number().int().min(1).max(25), level: riskLevelSchema }))
  .min(1)
  .superRefine((buckets, ctx) => {
    buckets.forEach((bucket, index) => {
      const previous = buckets[index - 1];
      if (previous !== undefined && bucket.max <= previous.max) {
        ctx.addIssue({ code: "custom", path: [index, "max"], message: `must be greater than the previous bucket's max (${previous.max})` });
      }
    });
    const last = buckets[buckets.length - 1];
    if (last !== undefined && last.max !== RATING_MAX * RATING_MAX) {
      ctx.addIssue({ code: "custom", message: `the last bucket must end at ${RATING_MAX * RATING_MAX} so every product is covered` });
    }
  });

const weightThresholdsSchema = z
  .strictObject({
    medium: z.number().finite().positive().optional(),
    high: z.number().finite().positive().optional(),
    critical: z.number().finite().positive().optional(),
  })
  .superRefine((thresholds, ctx) => {
    const given = (["medium", "high", "critical"] as const).filter((level) => thresholds[level] !== undefined);
    given.forEach((level, index) => {
      const previous = given[index - 1];
      if (previous !== undefined && thresholds[level]! <= thresholds[previous]!) {
        ctx.addIssue({ code: "custom", path: [level], message: `must be greater than the ${previous} threshold (${thresholds[previous]})` });
      }
    });
  });
export type WeightThresholds = z.output<typeof weightThresholdsSchema>;

export const scoringSchema = z.strictObject({
  likelihood_severity_levels: riskBucketsSchema.default(DEFAULT_RISK_BUCKETS.map((bucket) => ({ ...bucket }))),
  weight_levels: weightThresholdsSchema.default({}),
  rules: z.array(scoringRuleSchema).default([]),
});
export type ScoringConfig = z.output<typeof scoringSchema>;

const DEFAULT_LIKELIHOOD_LABELS = ["1 - Rare", "2 - Unlikely", "3 - Possible", "4 - Likely", "5 - Almost certain"];
const DEFAULT_SEVERITY_LABELS = ["1 - Negligible", "2 - Minor", "3 - Moderate", "4 - Major", "5 - Severe or irreversible"];

export const definitionSchema = z.strictObject({
  id: z
    .string()
    .max(60)
    .regex(/^[a-z0-9][a-z0-9_-]*$/, "must start with a lowercase letter or digit and use only those, hyphens and underscores"),
  version: z
    .union([z.number(), z.string()])
    .refine(isDefinitionVersion, "must be a positive integer or a semver string like 1.2.0"),
  title: displayText(150),
  rating_labels: z
    .strictObject({ likelihood: ratingLabelsSchema, severity: ratingLabelsSchema })
    .default({ likelihood: DEFAULT_LIKELIHOOD_LABELS, severity: DEFAULT_SEVERITY_LABELS }),
  sections: z.array(sectionSchema).min(1),
  scoring: scoringSchema.default({
    likelihood_severity_levels: DEFAULT_RISK_BUCKETS.map((bucket) => ({ ...bucket })),
    weight_levels: {},
    rules: [],
  }),
});
export type QuestionnaireDefinition = z.output<typeof definitionSchema>;

function isDefinitionVersion(version: number | string): boolean {
  if (typeof version === "number") return Number.isInteger(version) && version > 0;
  return /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/.test(version);
}

export function duplicateValues(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const value of values) {
    if (seen.has(value)) repeated.add(value);
    seen.add(value);
  }
  return [...repeated];
}
