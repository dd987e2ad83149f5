import type { App } from "@slack/bolt";
import { CAPABILITIES } from "../../../features/capabilities.js";
import type { SlackContext } from "../context.js";
import { registerCapabilities } from "../conversation/capability-listeners.js";
import { registerLegacyActions } from "../conversation/legacy-actions.js";
import { registerSchedulingListeners } from "../scheduling/register.js";
import { registerConcernListeners } from "../concerns/register-concern-listeners.js";
import { registerAssessmentListeners } from "../assessments/register-listeners.js";
import { SLACK_IDS } from "../ids.js";
import { registerErasureListeners } from "../erasure/register.js";
import { registerIncidentListeners } from "../incidents/register-incident-listeners.js";
import { registerLinkAnswerListeners } from "../link-answers/register-link-answer-listeners.js";
import { registerPolicyFileListener } from "../policies/policy-file-listener.js";
import { requestDecisionAction } from "./actions/request-decision.js";
import { aimsCommand } from "./commands/aims-command.js";
import { appHomeOpened } from "./events/app-home-opened.js";
import { requestAiToolShortcut } from "./shortcuts/request-ai-tool.js";
import { SUBCOMMANDS } from "./subcommands/index.js";
import { decisionReasonSubmission } from "./views/decision-reason-submission.js";

export function registerListeners(app: App, ctx: SlackContext): void {
  registerLegacyActions(app);
  app.command(SLACK_IDS.command, aimsCommand(ctx, SUBCOMMANDS));

  app.shortcut(SLACK_IDS.shortcuts.requestAiTool, requestAiToolShortcut);

  app.view(SLACK_IDS.views.decisionReason, decisionReasonSubmission(ctx));

  app.action(SLACK_IDS.actions.approve, requestDecisionAction(ctx, "approved"));
  app.action(SLACK_IDS.actions.approveWithConditions, requestDecisionAction(ctx, "approved", { withConditions: true }));
  app.action(SLACK_IDS.actions.reject, requestDecisionAction(ctx, "rejected"));
  app.action(SLACK_IDS.actions.requestChanges, requestDecisionAction(ctx, "changes_requested"));

  app.event("app_home_opened", appHomeOpened(ctx));
  registerAssessmentListeners(app, ctx);

  registerIncidentListeners(app, ctx);

  registerConcernListeners(app, ctx);
  registerSchedulingListeners(app, ctx);
  registerCapabilities(app, ctx, CAPABILITIES);
  registerErasureListeners(app, ctx);
  registerLinkAnswerListeners(app, ctx);
  registerPolicyFileListener(app, ctx);
}
