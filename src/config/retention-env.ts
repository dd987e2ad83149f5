import { z } from "zod";
import { optionalText } from "./env-fields.js";

/** Whole years, 0 to 100; empty or 0 means the records are kept for ever. */
const years = optionalText.pipe(z.coerce.number<string | undefined>().int("must be a whole number of years").min(0).max(100).optional());

/** How long records are kept once finished (ISO 42001 7.5.3 retention and disposition); spread into the env schema. */
export const retentionEnvShape = {
  AIMS_RETENTION_CLOSED_CONCERNS_YEARS: years,
  AIMS_RETENTION_CLOSED_INCIDENTS_YEARS: years,
};

type RetentionEnv = z.output<z.ZodObject<typeof retentionEnvShape>>;

/** Years per record type; null: kept for ever. */
export interface RetentionConfig {
  closedConcernsYears: number | null;
  closedIncidentsYears: number | null;
}

export function retentionConfig(env: RetentionEnv): RetentionConfig {
  const orForever = (value: number | undefined) => (value ? value : null);
  return {
    closedConcernsYears: orForever(env.AIMS_RETENTION_CLOSED_CONCERNS_YEARS),
    closedIncidentsYears: orForever(env.AIMS_RETENTION_CLOSED_INCIDENTS_YEARS),
  };
}
