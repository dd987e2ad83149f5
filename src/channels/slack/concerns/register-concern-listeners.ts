import type { App } from "@slack/bolt";
import type { SlackContext } from "../context.js";
import { SLACK_IDS } from "../ids.js";
import { concernShortcut } from "./concern-shortcuts.js";
import { concernSubmission } from "./concern-submission.js";
import { followUpAnswerSubmission, followUpSecretSubmission } from "./follow-up-submissions.js";

/**
 * The Slack listeners of AI concerns that only Slack has (the reporter's side; triage is the neutral
 * `triageCapability`). Their notifications are the concern capabilities' own. `/aims concern` is in the subcommand list.
 */
export function registerConcernListeners(app: App, ctx: SlackContext): void {
  const ids = SLACK_IDS.concerns;
  app.shortcut(ids.messageShortcut, concernShortcut(ctx));
  app.shortcut(ids.globalShortcut, concernShortcut(ctx));

  app.view(ids.views.submit, concernSubmission(ctx));
  app.view(ids.views.followUpSecret, followUpSecretSubmission(ctx));
  app.view(ids.views.followUpAnswer, followUpAnswerSubmission(ctx));
}
