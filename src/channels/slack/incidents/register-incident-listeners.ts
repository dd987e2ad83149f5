import type { App } from "@slack/bolt";
import type { SlackContext } from "../context.js";
import { SLACK_IDS } from "../ids.js";
import { subscribeIncidentRooms } from "./notifications/incident-room.js";
import { addToTimelineShortcut } from "./timeline-shortcut.js";

/**
 * What incidents have in Slack alone: the timeline message shortcut and the dedicated channel of a SEV1/SEV2
 * incident. The forms, buttons and the other notifications are the incident capability's, registered with the others.
 */
export function registerIncidentListeners(app: App, ctx: SlackContext): void {
  app.shortcut({ type: "message_action", callback_id: SLACK_IDS.incidents.messageShortcut }, addToTimelineShortcut(ctx));
  subscribeIncidentRooms(ctx, app.client);
  if (!ctx.slack.incidentsChannel) ctx.logger.warn("SLACK_INCIDENTS_CHANNEL is not set, so incidents are recorded but not announced in Slack");
}
