import { z } from "zod";
import { optionalText } from "./env-fields.js";

/** Settings of the answers to shared links to AI tools (A.9.2); spread into the env schema. */
export const linkAnswersEnvShape = {
  /** Path to an organisation's own catalogue of AI service domains (YAML); unset = the shipped one. */
  AIMS_LINK_CATALOGUE: optionalText,
  /** Days one person is not told again about the same tool; 0 = every time. */
  AIMS_LINK_ANSWER_QUIET_DAYS: z.coerce.number().int().min(0).max(365).default(30),
};

type LinkAnswersEnv = z.output<z.ZodObject<typeof linkAnswersEnvShape>>;

export interface LinkAnswersConfig {
  /** undefined: the shipped catalogue. */
  cataloguePath?: string;
  quietDays: number;
}

export function linkAnswersConfig(env: LinkAnswersEnv): LinkAnswersConfig {
  return { cataloguePath: env.AIMS_LINK_CATALOGUE, quietDays: env.AIMS_LINK_ANSWER_QUIET_DAYS };
}
