import type { Core } from "../../../app/core.js";
import type { Capability } from "../../../conversation/capability.js";
import type { Message } from "../../../conversation/message.js";
import type { Place, Publisher } from "../../../conversation/notifications.js";
import { subscribeNotifiers } from "../../../conversation/notifications.js";
import { publisherOver } from "../../../conversation/publisher-over.js";
import { CAPABILITIES } from "../../../features/capabilities.js";
import { cardMessage } from "../cards/adaptive-card.js";
import type { TeamsContext } from "../context.js";
import { conversationSurface } from "../conversation-surface.js";
import { adaptiveCardOf, teamsText } from "./adaptive-card-message.js";

/** The Teams conversation of each place, from the settings; a place without one shows nothing in Teams. */
const teamsPlaces = (ctx: TeamsContext): Record<Place, string | undefined> => ({
  approvals: ctx.teams.approvalsConversation,
  triage: ctx.teams.triageConversation,
  incidents: ctx.teams.incidentsConversation,
  assessments: undefined,
});

const cardOf = (message: Message) => cardMessage(adaptiveCardOf(message), teamsText(message.summary));

/** How notifications reach Teams: records shown as a card in a conversation and updated in place, people told in their personal chat. */
export function teamsPublisher(ctx: TeamsContext): Publisher {
  return publisherOver({
    channel: "teams",
    prisma: ctx.core.prisma,
    // A submitted card becomes the answer, which stays in the chat.
    answersStay: true,
    places: teamsPlaces(ctx),
    surfaceFor: (conversation) => conversationSurface(ctx.messenger, conversation),
    render: cardOf,
    async sendToPerson(userId, card, once) {
      const sent = await ctx.messenger.sendToUser(userId, card);
      if (!sent?.activityId) {
        // Teams opens a personal chat only with someone the bot has seen.
        ctx.logger.warn({ entity: once?.entityId, purpose: once?.purpose.split(":")[0] }, "could not tell a Teams user; a later change may tell them");
        return null;
      }
      return { conversationId: sent.conversationId, messageId: sent.activityId };
    },
    update: (at, card) => ctx.messenger.update(at.conversationId, at.messageId, card),
  });
}

/** Subscribes every capability's declared notifications to the outbox, delivered in Teams. */
export function subscribeTeamsNotifications(ctx: TeamsContext): void {
  const publisher = teamsPublisher(ctx);
  for (const capability of CAPABILITIES as readonly Capability<Core>[]) subscribeNotifiers(ctx.core.events, publisher, ctx.core, capability.notifications ?? []);
}
