import type { App, BlockButtonAction } from "@slack/bolt";
import { START_REASSESSMENT } from "../../../features/scheduler/conversation/scheduling-ids.js";
import { startAssessmentAction } from "../assessments/listeners/start-assessment-action.js";
import type { SlackContext } from "../context.js";
import { rateLimitCountingFetch } from "../rate-limit-fetch.js";
import { realTimer, SlackSendQueue } from "./send-queue.js";
import { deliveryClient, SlackDeliveryTransport } from "./slack-delivery-transport.js";

/** A reminder's button value is `{ reference }` as JSON; Slack's assessment listener reads the bare reference. */
const referenceIn = (value: string | undefined) => {
  try {
    return String((JSON.parse(value ?? "{}") as { reference?: unknown }).reference ?? "");
  } catch {
    return "";
  }
};

/**
 * Slack as the scheduler's delivery transport, and a re-assessment reminder's Start button (the reminders' other
 * buttons, and the updates of settled reminders, are the scheduling capability's).
 */
export function registerSchedulingListeners(app: App, ctx: SlackContext): void {
  const startReassessment = startAssessmentAction(ctx, "scheduled");
  app.action<BlockButtonAction>(START_REASSESSMENT, (args) => startReassessment({ ...args, action: { ...args.action, value: referenceIn(args.action.value) } }));

  const queue = new SlackSendQueue({ timer: realTimer, perChannelIntervalMs: ctx.core.scheduling.settings.slackSendIntervalMs });
  const client = deliveryClient(ctx.slack.botToken, ctx.slack.apiUrl, rateLimitCountingFetch(ctx.core.metrics));
  ctx.core.scheduling.scheduler.setTransport("slack", new SlackDeliveryTransport(client, queue));
}
