import { pino, type Logger, type DestinationStream } from "pino";

export type { Logger };

/** Field names whose values are never written to logs, wherever they appear. */
const SECRET_PATHS = [
  "token",
  "*.token",
  "botToken",
  "*.botToken",
  "appToken",
  "*.appToken",
  "signingSecret",
  "*.signingSecret",
  "password",
  "*.password",
  "secret",
  "*.secret",
  "authorization",
  "*.authorization",
  "headers.authorization",
  "*.headers.authorization",
  'headers["x-slack-signature"]',
  "connectionString",
  "*.connectionString",
];

const SECRET_PATTERNS: Array<[RegExp, string]> = [
  [/xox[abposr]-[A-Za-z0-9-]+/g, "[redacted]"],
  [/xapp-[A-Za-z0-9-]+/g, "[redacted]"],
  [/(postgres(?:ql)?:\/\/[^:/@\s]+:)[^@\s]+@/g, "$1[redacted]@"],
  [/(Bearer\s+)[A-Za-z0-9._~+/=-]+/gi, "$1[redacted]"],
];

/** Masks credentials that slipped into free text (error messages from libraries, URLs). */
export function scrubSecrets(text: string): string {
  return SECRET_PATTERNS.reduce((result, [pattern, replacement]) => result.replace(pattern, replacement), text);
}

export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      redact: { paths: SECRET_PATHS, censor: "[redacted]" },
      hooks: {
        logMethod(args, method) {
          const scrubbed = args.map((arg) => (typeof arg === "string" ? scrubSecrets(arg) : arg));
          return method.apply(this, scrubbed as Parameters<typeof method>);
        },
      },
      serializers: {
        err: (error: unknown) => {
          const serialized = pino.stdSerializers.err(error as Error);
          return {
            ...serialized,
            message: scrubSecrets(serialized.message ?? ""),
            stack: serialized.stack ? scrubSecrets(serialized.stack) : undefined,
          };
        },
      },
    },
    destination,
  );
}
