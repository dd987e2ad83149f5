import type { App } from "@slack/bolt";
import type { SlackContext } from "../context.js";
import { ASSESSMENT_IDS } from "./ids.js";
import { startAssessmentAction } from "./listeners/start-assessment-action.js";

/**
 * Impact assessments in Slack besides their capability (written once in the feature's conversation folder, with
 * its sign-off notifications): the buttons other messages carry to start one (the approval gate's, the
 * re-assessment reminder's).
 */
export function registerAssessmentListeners(app: App, ctx: SlackContext): void {
  app.action(ASSESSMENT_IDS.actions.startForRequest, startAssessmentAction(ctx, "initial"));
  app.action(ASSESSMENT_IDS.actions.startReassessment, startAssessmentAction(ctx, "scheduled"));
}
