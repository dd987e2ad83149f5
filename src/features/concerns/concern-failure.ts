import { randomUUID } from "node:crypto";
import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable, isUnstorableText, UNSTORABLE_TEXT_REPLY } from "../../core/errors.js";
import type { Logger } from "../../log/logger.js";
import { unexpectedFailureText } from "../../core/failure-message.js";

/**
 * What a person is told when a concern action failed. Unlike the shared failureMessage, the log line holds only the
 * error's kind and code: messages and data of Slack and database errors can quote ids of the person involved.
 */
export function concernFailure(error: unknown, logger: Logger, where: string): string {
  const { name, code } = (error ?? {}) as { name?: unknown; code?: unknown };
  const summary = { where, errorName: typeof name === "string" ? name : "unknown", errorCode: typeof code === "string" ? code : undefined };
  if (isDatabaseUnavailable(error)) {
    logger.warn(summary, "concern action failed: database unavailable");
    return DATABASE_UNAVAILABLE_MESSAGE;
  }
  if (isUnstorableText(error)) {
    logger.warn(summary, "refused text the database cannot store");
    return UNSTORABLE_TEXT_REPLY;
  }
  const errorId = randomUUID().slice(0, 8);
  logger.error({ ...summary, errorId }, "concern action failed");
  return unexpectedFailureText(errorId);
}
