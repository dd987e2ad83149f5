import { findChannelMessage, rememberChannelMessage, type ChannelMessageKey } from "../../../core/channel-messages.js";
import { cardMessage } from "../cards/adaptive-card.js";
import type { TeamsContext } from "../context.js";
import { incidentSummaryCard, incidentSummaryText } from "./incident-summary-card.js";
import { oneAtATime } from "./one-at-a-time.js";

const announcementKey = (reference: string): ChannelMessageKey => ({
  entityType: "incident",
  entityId: reference,
  purpose: "announcement",
  channel: "teams",
});

/**
 * Shows incidents in Teams, whichever channel reported them: the summary card in the incidents conversation,
 * posted once and then updated in place on every change. Re-rendered from the database, so the last update
 * always shows the latest state.
 */
export function subscribeIncidentNotifications(ctx: TeamsContext): void {
  const { incidents, prisma } = ctx.core;
  const events = ctx.core.events.subscriber("teams.incidents");
  const conversationId = ctx.teams.incidentsConversation;
  const serialize = oneAtATime();

  async function show(reference: string): Promise<void> {
    if (!conversationId) return;
    const details = await incidents.details(reference);
    if (!details) return;
    const message = cardMessage(incidentSummaryCard(details), incidentSummaryText(details));
    const existing = await findChannelMessage(prisma, announcementKey(reference));
    if (existing) return ctx.messenger.update(existing.conversationId, existing.messageId, message);
    const activityId = await ctx.messenger.post(conversationId, message);
    if (activityId) await rememberChannelMessage(prisma, announcementKey(reference), { conversationId, messageId: activityId });
  }

  events.on("incident.reported", ({ incident }) => serialize(incident.reference, () => show(incident.reference)));
  events.on("incident.changed", ({ incident }) => serialize(incident.reference, () => show(incident.reference)));
}
