import type { App } from "@slack/bolt";
import type { SlackContext } from "../context.js";
import { addObjectiveButton, checkInButton } from "./actions/objective-buttons.js";
import { openDueItemModal, snoozeButton } from "./actions/due-item-buttons.js";
import { reviewScheduleButton } from "./actions/review-schedule-buttons.js";
import { subscribeReminderUpdates } from "./reminder-updates.js";
import { realTimer, SlackSendQueue } from "./send-queue.js";
import { deliveryClient, SlackDeliveryTransport } from "./slack-delivery-transport.js";
import { SCHEDULING_IDS } from "./scheduling-ids.js";
import { rateLimitCountingFetch } from "../rate-limit-fetch.js";
import { markDoneSubmission, reassignSubmission } from "./views/due-item-submissions.js";
import { checkInSubmission, objectiveSubmission, reviewScheduleSubmission } from "./views/objective-submissions.js";

const { actions, views } = SCHEDULING_IDS;

/** Reminder, review, objective and digest listeners, and Slack as the scheduler's delivery transport. */
export function registerSchedulingListeners(app: App, ctx: SlackContext): void {
  app.action(actions.markDone, openDueItemModal(ctx, "markDone"));
  app.action(actions.reassign, openDueItemModal(ctx, "reassign"));
  app.action(actions.snoozeDay, snoozeButton(ctx, "day"));
  app.action(actions.snoozeWeek, snoozeButton(ctx, "week"));
  app.action(actions.checkIn, checkInButton(ctx));
  app.action(actions.addObjective, addObjectiveButton(ctx));
  app.action(actions.addReview, reviewScheduleButton(ctx));
  app.action(actions.editReview, reviewScheduleButton(ctx));

  app.view(views.markDone, markDoneSubmission(ctx));
  app.view(views.reassign, reassignSubmission(ctx));
  app.view(views.checkIn, checkInSubmission(ctx));
  app.view(views.objective, objectiveSubmission(ctx));
  app.view(views.reviewSchedule, reviewScheduleSubmission(ctx));

  subscribeReminderUpdates(ctx, app.client);

  const queue = new SlackSendQueue({ timer: realTimer, perChannelIntervalMs: ctx.core.scheduling.settings.slackSendIntervalMs });
  const client = deliveryClient(ctx.slack.botToken, ctx.slack.apiUrl, rateLimitCountingFetch(ctx.core.metrics));
  ctx.core.scheduling.scheduler.setTransport("slack", new SlackDeliveryTransport(client, queue));
}
