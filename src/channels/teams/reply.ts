import { failureMessage as sharedFailureMessage } from "../../core/failure-message.js";
import type { Logger } from "../../log/logger.js";

/** What a person is told when their action failed (see core/failure-message.ts). */
export const failureMessage = (error: unknown, logger: Logger, context: Record<string, unknown>): string =>
  sharedFailureMessage(error, logger, context, "teams handler failed");
