import { z } from "zod";
import { optionalText } from "./env-fields.js";

const NOT_A_PORT = "must be a port number from 0 to 65535";

/** Settings of the Prometheus /metrics endpoint; spread into the env schema. */
export const metricsEnvShape = {
  METRICS_PORT: optionalText.pipe(z.coerce.number<string>({ message: NOT_A_PORT }).int(NOT_A_PORT).min(0, NOT_A_PORT).max(65535, NOT_A_PORT).optional()),
  METRICS_HOST: z.string().trim().min(1).default("127.0.0.1"),
  METRICS_TOKEN: optionalText.pipe(z.string().min(16, "must be at least 16 characters: it is all that guards /metrics").optional()),
};

type MetricsEnv = z.output<z.ZodObject<typeof metricsEnvShape>>;

/** Metrics are served when either setting is given; with neither they are off. */
export interface MetricsConfig {
  /** Its own small HTTP server on `host`; unset: /metrics on the main port, behind `token`. */
  port?: number;
  host: string;
  /** Bearer token that /metrics asks for. Required on the main port; also asked for on the metrics port when set. */
  token?: string;
}

export function metricsConfig(env: MetricsEnv): MetricsConfig | undefined {
  if (env.METRICS_PORT === undefined && env.METRICS_TOKEN === undefined) return undefined;
  return { port: env.METRICS_PORT, host: env.METRICS_HOST, token: env.METRICS_TOKEN };
}

/** Checked on the raw values, like the other companions: the metrics port must not be the public one. */
export function metricsCompanions(raw: NodeJS.ProcessEnv): string[] {
  const metricsPort = raw.METRICS_PORT?.trim();
  const port = raw.PORT?.trim() || "3000";
  if (metricsPort && metricsPort !== "0" && Number(metricsPort) === Number(port)) {
    return ["METRICS_PORT: must differ from PORT: metrics are never served on the public Slack/Teams port without a token"];
  }
  return [];
}
