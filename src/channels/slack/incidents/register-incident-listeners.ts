import type { App } from "@slack/bolt";
import type { SlackContext } from "../context.js";
import { SLACK_IDS } from "../ids.js";
import { subscribeIncidentNotifications } from "./notifications/incident-notifications.js";
import { addToTimelineShortcut } from "./timeline-shortcut.js";

/**
 * What incidents have in Slack alone: the timeline message shortcut and the channel notifications (announcement,
 * dedicated channel, receipt). The forms and buttons are the incident capability's, registered with the others.
 */
export function registerIncidentListeners(app: App, ctx: SlackContext): void {
  app.shortcut({ type: "message_action", callback_id: SLACK_IDS.incidents.messageShortcut }, addToTimelineShortcut(ctx));
  subscribeIncidentNotifications(ctx, app.client);
}
