import type { TeamsContext } from "../context.js";
import { TeamsDeliveryTransport } from "./teams-delivery-transport.js";

/**
 * Teams as the scheduler's delivery transport for Teams-owned items and the Teams managers' digest (settled reminders
 * are updated by the scheduling capability's notifications).
 */
export function attachTeamsScheduling(ctx: TeamsContext): void {
  ctx.core.scheduling.scheduler.setTransport("teams", new TeamsDeliveryTransport(ctx.messenger, ctx.conversations));
}
