import type { WebClient } from "@slack/web-api";
import type { RespondFn } from "@slack/bolt";
import { failureMessage as sharedFailureMessage } from "../../core/failure-message.js";
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

/** What a person is told when their action failed (see core/failure-message.ts). */
export const failureMessage = (error: unknown, logger: Logger, context: Record<string, unknown>): string =>
  sharedFailureMessage(error, logger, context, "slack handler failed");
