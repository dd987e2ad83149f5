import type { App } from "@slack/bolt";
import type { SlackContext } from "../context.js";
import { ASSESSMENT_IDS } from "./ids.js";
import { navigateAction } from "./listeners/navigate-action.js";
import { resumeAction } from "./listeners/resume-action.js";
import { reviewAction } from "./listeners/review-actions.js";
import { reviewSubmission } from "./listeners/review-submission.js";
import { sendBackSubmission } from "./listeners/send-back-submission.js";
import { startAssessmentAction } from "./listeners/start-assessment-action.js";
import { startSubmission } from "./listeners/start-submission.js";
import { stepSubmission } from "./listeners/step-submission.js";
import { subscribeAssessmentNotifications } from "./notifications.js";

/**
 * Impact assessments in Slack: the questionnaire modal, the owners' sign-off, and the buttons that start one (the
 * approval gate's, and the re-assessment reminder's).
 */
export function registerAssessmentListeners(app: App, ctx: SlackContext): void {
  const { views, actions } = ASSESSMENT_IDS;
  app.view(views.start, startSubmission(ctx));
  app.view(views.step, stepSubmission(ctx));
  app.view(views.review, reviewSubmission(ctx));
  app.view(views.sendBack, sendBackSubmission(ctx));

  app.action(actions.resume, resumeAction(ctx));
  app.action(actions.back, navigateAction(ctx, "back"));
  app.action(actions.goToStep, navigateAction(ctx, "to"));
  app.action(actions.startForRequest, startAssessmentAction(ctx, "initial"));
  app.action(actions.startReassessment, startAssessmentAction(ctx, "scheduled"));
  app.action(actions.signOff, reviewAction(ctx, "signed_off"));
  app.action(actions.sendBack, reviewAction(ctx, "sent_back"));

  subscribeAssessmentNotifications(ctx, app.client, ctx.slack.assessmentsChannel);
}
