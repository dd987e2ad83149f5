import { randomUUID } from "node:crypto";
import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable, isUnstorableText, UNSTORABLE_TEXT_REPLY } from "../../core/errors.js";
import type { Logger } from "../../log/logger.js";

/** What a person is told when their action failed; the detail goes to the log under an id they can quote. */
export function failureMessage(error: unknown, logger: Logger, context: Record<string, unknown>): string {
  if (isDatabaseUnavailable(error)) {
    logger.warn({ err: error, ...context }, "database unavailable");
    return DATABASE_UNAVAILABLE_MESSAGE;
  }
  if (isUnstorableText(error)) {
    logger.warn(context, "refused text the database cannot store");
    return UNSTORABLE_TEXT_REPLY;
  }
  const errorId = randomUUID().slice(0, 8);
  logger.error({ err: error, errorId, ...context }, "teams handler failed");
  return `Sorry, something went wrong on our side (error ${errorId}). Nothing was changed; please try again.`;
}
