import type { App } from "@slack/bolt";
import type { SlackContext } from "../context.js";
import { SLACK_IDS } from "../ids.js";
import { concernShortcut } from "./concern-shortcuts.js";
import { concernSubmission } from "./concern-submission.js";
import { subscribeConcernNotifications } from "./concern-notifications.js";
import { followUpAnswerSubmission, followUpSecretSubmission } from "./follow-up-submissions.js";
import { quietClient } from "./quiet-client.js";
import { reporterAnswerAction, reporterAnswerSubmission } from "./reporter-answer.js";
import { triageAction } from "./triage-actions.js";
import { ASSIGN_FORM, CLOSE_FORM, QUESTION_FORM, triageSubmission } from "./triage-submissions.js";

/** Every Slack listener of AI concerns (the `/aims concern` subcommand is in the subcommand list), and their notifications. */
export function registerConcernListeners(app: App, ctx: SlackContext): void {
  const ids = SLACK_IDS.concerns;
  app.shortcut(ids.messageShortcut, concernShortcut(ctx));
  app.shortcut(ids.globalShortcut, concernShortcut(ctx));

  app.view(ids.views.submit, concernSubmission(ctx));
  app.view(ids.views.followUpSecret, followUpSecretSubmission(ctx));
  app.view(ids.views.followUpAnswer, followUpAnswerSubmission(ctx));
  app.view(ids.views.question, triageSubmission(ctx, QUESTION_FORM));
  app.view(ids.views.assign, triageSubmission(ctx, ASSIGN_FORM));
  app.view(ids.views.close, triageSubmission(ctx, CLOSE_FORM));
  app.view(ids.views.answer, reporterAnswerSubmission(ctx));

  for (const actionId of [ids.actions.acknowledge, ids.actions.ask, ids.actions.assign, ids.actions.close]) {
    app.action(actionId, triageAction(ctx));
  }
  app.action(ids.actions.answer, reporterAnswerAction());

  subscribeConcernNotifications(ctx, quietClient(ctx));
}
