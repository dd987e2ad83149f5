import type { TeamsContext } from "../context.js";
import { subscribeReminderUpdates } from "./reminder-updates.js";
import { TeamsDeliveryTransport } from "./teams-delivery-transport.js";

/**
 * Teams as the scheduler's delivery transport for Teams-owned items and the Teams managers' digest; settled reminders
 * are updated in place.
 */
export function attachTeamsScheduling(ctx: TeamsContext): void {
  subscribeReminderUpdates(ctx);
  ctx.core.scheduling.scheduler.setTransport("teams", new TeamsDeliveryTransport(ctx.messenger, ctx.conversations));
}
