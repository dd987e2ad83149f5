import { LogLevel, type Logger as BoltLogger } from "@slack/bolt";
import type { Logger } from "../../log/logger.js";

const PINO_LEVEL: Record<LogLevel, string> = {
  [LogLevel.DEBUG]: "debug",
  [LogLevel.INFO]: "info",
  [LogLevel.WARN]: "warn",
  [LogLevel.ERROR]: "error",
};

/** Bolt's logger interface over our pino logger, so Bolt's lines get the same redaction and format. */
export function boltLogger(logger: Logger): BoltLogger {
  const log = logger.child({ component: "slack" });
  const line = (parts: unknown[]) => parts.map((p) => (typeof p === "string" ? p : JSON.stringify(p))).join(" ");
  return {
    debug: (...msg) => log.debug(line(msg)),
    info: (...msg) => log.info(line(msg)),
    warn: (...msg) => log.warn(line(msg)),
    error: (...msg) => log.error(line(msg)),
    setLevel: (level) => {
      log.level = PINO_LEVEL[level];
    },
    getLevel: () => (Object.entries(PINO_LEVEL).find(([, pino]) => pino === log.level)?.[0] as LogLevel) ?? LogLevel.INFO,
    setName: () => undefined,
  };
}
