import { AsyncLocalStorage } from "node:async_hooks";
import { format } from "node:util";
import type { Logger } from "./logger.js";

const METHODS = ["error", "warn", "info", "log", "debug", "trace"] as const;
const routedTo = new AsyncLocalStorage<Logger>();
let routing = false;

/** Console calls made inside withLibraryConsole go to its logger; all others go where they always went. */
function routeConsole(): void {
  if (routing) return;
  routing = true;
  for (const method of METHODS) {
    const original = console[method];
    console[method] = (...args: unknown[]) => {
      const logger = routedTo.getStore();
      if (!logger) return original.apply(console, args);
      if (args.length === 1 && args[0] instanceof Error) logger.debug({ err: args[0] }, "library console output");
      else logger.debug(format(...args));
    };
  }
}

/**
 * Runs `work` with whatever libraries print on the console meanwhile going to `logger` as one JSON line per call,
 * redacted like every other line. botframework-connector, for one, prints a token that fails verification with
 * console.error and its stack; the caller logs the outcome itself, so these lines are at debug level.
 */
export function withLibraryConsole<T>(logger: Logger, work: () => Promise<T>): Promise<T> {
  routeConsole();
  return routedTo.run(logger, work);
}
