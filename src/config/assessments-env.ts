import { z } from "zod";
import { optionalSlackChannelId, optionalText } from "./env-fields.js";
import type { RiskLevel } from "../core/risk-levels.js";

const months = (fallback: number) => z.coerce.number().int().min(1).max(120).default(fallback);

/** Settings of AI system impact assessments (ISO 42001 6.1.4, 8.4); spread into the env schema. */
export const assessmentsEnvShape = {
  /** Path to an organisation's own questionnaire definition (YAML); unset = the shipped default. */
  AIMS_ASSESSMENT_DEFINITION: optionalText,
  AIMS_REASSESS_MONTHS_LOW: months(12),
  AIMS_REASSESS_MONTHS_MEDIUM: months(12),
  AIMS_REASSESS_MONTHS_HIGH: months(6),
  AIMS_REASSESS_MONTHS_CRITICAL: months(3),
  /** Where sign-off requests go: this Slack channel, or (unset) a DM to each AIMS owner. */
  SLACK_ASSESSMENTS_CHANNEL: optionalSlackChannelId,
};

type AssessmentsEnv = z.output<z.ZodObject<typeof assessmentsEnvShape>>;

export interface AssessmentsConfig {
  /** undefined: the shipped default definition. */
  definitionPath?: string;
  /** Months until a signed-off assessment must be repeated, per impact level. */
  reassessMonths: Record<RiskLevel, number>;
}

export function assessmentsConfig(env: AssessmentsEnv): AssessmentsConfig {
  return {
    definitionPath: env.AIMS_ASSESSMENT_DEFINITION,
    reassessMonths: {
      low: env.AIMS_REASSESS_MONTHS_LOW,
      medium: env.AIMS_REASSESS_MONTHS_MEDIUM,
      high: env.AIMS_REASSESS_MONTHS_HIGH,
      critical: env.AIMS_REASSESS_MONTHS_CRITICAL,
    },
  };
}
