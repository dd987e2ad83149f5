import { oneMessagePerKey, type ChannelMessageKey } from "../../../core/channel-messages.js";
import { incidentView } from "../../../features/incidents/conversation/incident-view.js";
import { cardMessage } from "../cards/adaptive-card.js";
import type { TeamsContext } from "../context.js";
import { adaptiveCardOf } from "../conversation/adaptive-card-message.js";
import { conversationSurface } from "../conversation-surface.js";

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
  const show = conversationId ? oneMessagePerKey(prisma, conversationSurface(ctx.messenger, conversationId)) : null;

  async function showSummary(reference: string): Promise<void> {
    await show?.(announcementKey(reference), async () => {
      const details = await incidents.details(reference);
      if (!details) return null;
      const view = incidentView(details);
      return cardMessage(adaptiveCardOf(view), view.summary);
    });
  }

  events.on("incident.reported", ({ incident }) => showSummary(incident.reference));
  events.on("incident.changed", ({ incident }) => showSummary(incident.reference));
}
