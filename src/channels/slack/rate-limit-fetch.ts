import type { Metrics } from "../../metrics/metrics.js";

/** Web API method names are the bot's own calls (chat.postMessage, views.open, …); anything else is "other". */
const METHOD = /\/api\/([a-zA-Z]+(?:\.[a-zA-Z]+)+)$/;

/**
 * The fetch every WebClient is given: counts Slack's 429 answers, whichever client got them (Bolt's, the send
 * queue's, the quiet one). Each client still handles the 429 itself (waits Retry-After, or hands it to the queue).
 */
export function rateLimitCountingFetch(metrics: Metrics): typeof fetch {
  return async (input, init) => {
    const response = await fetch(input, init);
    if (response.status === 429) {
      const url = input instanceof Request ? input.url : String(input);
      metrics.slackRateLimited(METHOD.exec(new URL(url).pathname)?.[1] ?? "other");
    }
    return response;
  };
}
