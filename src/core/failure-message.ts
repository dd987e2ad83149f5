import { randomUUID } from "node:crypto";
import { DeadlineExceeded } from "./deadline.js";
import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable, isUnstorableText, UNSTORABLE_TEXT_REPLY } from "./errors.js";
import type { Logger } from "../log/logger.js";

/** Told for a failure nobody expected; `errorId` finds its log line. */
export const unexpectedFailureText = (errorId: string) => `Sorry, something went wrong on our side (error ${errorId}). Nothing was changed; please try again.`;

/**
 * What a person is told when their action failed, in either chat; the detail goes to the log under an id they can
 * quote, with `context` and the line `unexpected` for a failure nobody expected.
 */
export function failureMessage(error: unknown, logger: Logger, context: Record<string, unknown>, unexpected = "handler failed"): string {
  if (error instanceof DeadlineExceeded) {
    logger.warn({ ...context, deadlineMs: error.ms }, "slow to save; asked the person to submit again");
    return "Saving is taking longer than usual. Your answers are still here: please press Submit again in a moment.";
  }
  if (isDatabaseUnavailable(error)) {
    logger.warn({ err: error, ...context }, "database unavailable");
    return DATABASE_UNAVAILABLE_MESSAGE;
  }
  if (isUnstorableText(error)) {
    logger.warn(context, "refused text the database cannot store");
    return UNSTORABLE_TEXT_REPLY;
  }
  const errorId = randomUUID().slice(0, 8);
  logger.error({ err: error, errorId, ...context }, unexpected);
  return unexpectedFailureText(errorId);
}
