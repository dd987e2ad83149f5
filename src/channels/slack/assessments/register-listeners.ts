import type { App } from "@slack/bolt";
import type { SlackContext } from "../context.js";
import { ASSESSMENT_IDS } from "./ids.js";
import { reviewAction } from "./listeners/review-actions.js";
import { sendBackSubmission } from "./listeners/send-back-submission.js";
import { startAssessmentAction } from "./listeners/start-assessment-action.js";
import { subscribeAssessmentNotifications } from "./notifications.js";

/**
 * Impact assessments in Slack besides the questionnaire (written once in the feature's conversation folder): the
 * owners' sign-off, and the buttons other messages carry to start one (the approval gate's, the reminder's).
 */
export function registerAssessmentListeners(app: App, ctx: SlackContext): void {
  const { views, actions } = ASSESSMENT_IDS;
  app.view(views.sendBack, sendBackSubmission(ctx));
  app.action(actions.startForRequest, startAssessmentAction(ctx, "initial"));
  app.action(actions.startReassessment, startAssessmentAction(ctx, "scheduled"));
  app.action(actions.signOff, reviewAction(ctx, "signed_off"));
  app.action(actions.sendBack, reviewAction(ctx, "sent_back"));

  subscribeAssessmentNotifications(ctx, app.client, ctx.slack.assessmentsChannel);
}
