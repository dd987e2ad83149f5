import type { Core } from "../../../app/core.js";
import { type ChannelMessageKey, type MessageLocation, findChannelMessage, oneMessagePerKey, rememberChannelMessage } from "../../../core/channel-messages.js";
import type { Capability } from "../../../conversation/capability.js";
import type { Message } from "../../../conversation/message.js";
import type { Place, Publisher } from "../../../conversation/notifications.js";
import { subscribeNotifiers } from "../../../conversation/notifications.js";
import { CAPABILITIES } from "../../../features/capabilities.js";
import { cardMessage } from "../cards/adaptive-card.js";
import type { TeamsContext } from "../context.js";
import { conversationSurface } from "../conversation-surface.js";
import type { OutgoingMessage } from "../transport/index.js";
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
  const { prisma } = ctx.core;
  const places = teamsPlaces(ctx);
  type Show = (key: ChannelMessageKey, render: () => Promise<OutgoingMessage | null>) => Promise<MessageLocation | null>;
  const shows = new Map<string, Show>();
  const showIn = (conversation: string): Show => {
    const existing = shows.get(conversation);
    if (existing) return existing;
    const show = oneMessagePerKey(prisma, conversationSurface(ctx.messenger, conversation));
    shows.set(conversation, show);
    return show;
  };
  return {
    channel: "teams",
    // A submitted card becomes the answer, which stays in the chat.
    answersStay: true,
    async show(place, key, render) {
      const conversation = places[place];
      if (!conversation) return;
      await showIn(conversation)({ ...key, channel: "teams" }, async () => {
        const message = await render();
        return message ? cardOf(message) : null;
      });
    },
    has: (place) => Boolean(places[place]),
    async tell(person, message, options = {}) {
      if (person.channel !== "teams") return null;
      const once = options.once ? { ...options.once, channel: "teams" as const } : null;
      if (once && (await findChannelMessage(prisma, once))) return null;
      const sent = await ctx.messenger.sendToUser(person.id, cardOf(message));
      if (!sent?.activityId) {
        // Teams opens a personal chat only with someone the bot has seen.
        ctx.logger.warn({ entity: once?.entityId, purpose: once?.purpose.split(":")[0] }, "could not tell a Teams user; a later change may tell them");
        return null;
      }
      const at = { conversationId: sent.conversationId, messageId: sent.activityId };
      if (once) await rememberChannelMessage(prisma, once, at);
      return at;
    },
    update: (at, message) => ctx.messenger.update(at.conversationId, at.messageId, cardOf(message)),
  };
}

/** Subscribes every capability's declared notifications to the outbox, delivered in Teams. */
export function subscribeTeamsNotifications(ctx: TeamsContext): void {
  const publisher = teamsPublisher(ctx);
  for (const capability of CAPABILITIES as readonly Capability<Core>[]) subscribeNotifiers(ctx.core.events, publisher, ctx.core, capability.notifications ?? []);
}
