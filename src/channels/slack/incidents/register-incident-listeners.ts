import type { App } from "@slack/bolt";
import type { SlackContext } from "../context.js";
import { SLACK_IDS } from "../ids.js";
import { formButton, statusButton } from "./listeners/buttons.js";
import {
  closingSubmission,
  correctiveActionSubmission,
  externalReportSubmission,
  reportSubmission,
  timelineNoteSubmission,
} from "./listeners/submissions.js";
import { addToTimelineShortcut } from "./listeners/timeline-shortcut.js";
import { subscribeIncidentNotifications } from "./notifications/incident-notifications.js";

/** Everything incidents need in Slack: forms, buttons, the timeline shortcut, and the channel notifications. */
export function registerIncidentListeners(app: App, ctx: SlackContext): void {
  const { views, actions, messageShortcut } = SLACK_IDS.incidents;

  app.view(views.report, reportSubmission(ctx));
  app.view(views.close, closingSubmission(ctx));
  app.view(views.correctiveAction, correctiveActionSubmission(ctx));
  app.view(views.externalReport, externalReportSubmission(ctx));
  app.view(views.timelineNote, timelineNoteSubmission(ctx));

  app.action(actions.toInvestigating, statusButton(ctx, "investigating"));
  app.action(actions.toMitigated, statusButton(ctx, "mitigated"));
  app.action(actions.toResolved, statusButton(ctx, "resolved"));
  app.action(actions.close, formButton(ctx, "close"));
  app.action(actions.addCorrectiveAction, formButton(ctx, "corrective_action"));
  app.action(actions.externalReport, formButton(ctx, "external_report"));

  app.shortcut({ type: "message_action", callback_id: messageShortcut }, addToTimelineShortcut(ctx));

  subscribeIncidentNotifications(ctx, app.client);
}
