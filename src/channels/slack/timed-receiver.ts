import type { App, Receiver, ReceiverEvent } from "@slack/bolt";
import { stopwatch, type Metrics } from "../../metrics/metrics.js";
import { slackHandlerLabel } from "./handler-label.js";

/**
 * Wraps a Bolt receiver to time every request: until Bolt or the listener acknowledged it, and until its listeners
 * finished. Receivers hand events to the app through processEvent alone, so only that is put between them.
 */
export function timedReceiver(receiver: Receiver, metrics: Metrics): Receiver {
  return {
    init(app: App) {
      receiver.init({ processEvent: (event: ReceiverEvent) => timed(app, event, metrics) } as unknown as App);
    },
    start: (...args: unknown[]) => receiver.start(...args),
    stop: (...args: unknown[]) => receiver.stop(...args),
  };
}

async function timed(app: App, event: ReceiverEvent, metrics: Metrics): Promise<void> {
  const label = slackHandlerLabel(event.body);
  const elapsed = stopwatch();
  let acknowledged = false;
  const ack: ReceiverEvent["ack"] = async (response) => {
    try {
      return await event.ack(response);
    } finally {
      if (!acknowledged) metrics.acknowledged(label, elapsed());
      acknowledged = true;
    }
  };
  try {
    await app.processEvent({ ...event, ack });
  } finally {
    metrics.replied(label, elapsed());
  }
}
