import type { WebClient } from "@slack/web-api";
import type { RespondFn } from "@slack/bolt";
import { randomUUID } from "node:crypto";
import { DeadlineExceeded } from "../../core/deadline.js";
import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable, isUnstorableText, UNSTORABLE_TEXT_REPLY } from "../../core/errors.js";
import type { Logger } from "../../log/logger.js";

/** Tells one person something privately: in place of the interaction if Slack gave a response_url, else by DM. */
export async function tellUser(
  target: { client: WebClient; userId: string; respond?: RespondFn },
  text: string,
): Promise<void> {
  if (target.respond) {
    await target.respond({ response_type: "ephemeral", replace_original: false, text });
    return;
  }
  await target.client.chat.postMessage({ channel: target.userId, text });
}

/** What a person is told when their action failed; the detail goes to the log under an id they can quote. */
export function failureMessage(error: unknown, logger: Logger, context: Record<string, unknown>): string {
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
  logger.error({ err: error, errorId, ...context }, "slack handler failed");
  return `Sorry, something went wrong on our side (error ${errorId}). Nothing was changed; please try again.`;
}
