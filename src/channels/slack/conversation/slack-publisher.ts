import type { WebClient } from "@slack/web-api";
import type { Core } from "../../../app/core.js";
import { type ChannelMessageKey, type MessageLocation, findChannelMessage, oneMessagePerKey, rememberChannelMessage } from "../../../core/channel-messages.js";
import type { Place, Publisher } from "../../../conversation/notifications.js";
import { subscribeNotifiers } from "../../../conversation/notifications.js";
import { CAPABILITIES } from "../../../features/capabilities.js";
import type { Capability } from "../../../conversation/capability.js";
import { room } from "../../../conversation/message.js";
import { channelSurface, type SlackMessage } from "../channel-surface.js";
import type { SlackContext } from "../context.js";
import { blockKitMessage } from "./block-kit-message.js";

/** The Slack channel of each place, from the settings; a place without one shows nothing in Slack. */
const slackPlaces = (ctx: SlackContext): Record<Place, string | undefined> => ({
  approvals: ctx.slack.approvalsChannel,
  triage: ctx.slack.triageChannel,
  incidents: ctx.slack.incidentsChannel,
  assessments: ctx.slack.assessmentsChannel,
});

/** How notifications reach Slack: records shown in a channel and updated in place, people told by DM. */
export function slackPublisher(ctx: SlackContext, client: WebClient): Publisher {
  const { prisma } = ctx.core;
  const places = slackPlaces(ctx);
  type Show = (key: ChannelMessageKey, render: () => Promise<SlackMessage | null>) => Promise<MessageLocation | null>;
  const shows = new Map<string, Show>();
  const showIn = (channel: string): Show => {
    const existing = shows.get(channel);
    if (existing) return existing;
    const show = oneMessagePerKey(prisma, channelSurface(client, channel));
    shows.set(channel, show);
    return show;
  };
  return {
    channel: "slack",
    answersStay: false,
    async show(place, key, render) {
      const channel = places[place];
      if (!channel) return;
      await showIn(channel)({ ...key, channel: "slack" }, async () => {
        const message = await render();
        return message ? blockKitMessage(message) : null;
      });
    },
    has: (place) => Boolean(places[place]),
    async tell(person, message, options = {}) {
      if (person.channel !== "slack") return null;
      const once = options.once ? { ...options.once, channel: "slack" as const } : null;
      if (once && (await findChannelMessage(prisma, once))) return null;
      const posted = await client.chat.postMessage({ channel: person.id, ...blockKitMessage(message) });
      const at = { conversationId: posted.channel ?? person.id, messageId: posted.ts! };
      if (once) await rememberChannelMessage(prisma, once, at);
      return at;
    },
    async update(at, message) {
      await client.chat.update({ channel: at.conversationId, ts: at.messageId, ...blockKitMessage(message) });
    },
    async reply(place, key, message) {
      if (!places[place]) return;
      const shown = await findChannelMessage(prisma, { ...key, channel: "slack" });
      if (!shown) return;
      await client.chat.postMessage({ channel: shown.conversationId, thread_ts: shown.messageId, ...blockKitMessage(message) });
    },
    placeName(place) {
      const channel = places[place];
      return channel ? room({ channel: "slack", id: channel, name: channel }) : undefined;
    },
  };
}

/** Subscribes every capability's declared notifications to the outbox, delivered in Slack. */
export function subscribeSlackNotifications(ctx: SlackContext, client: WebClient): void {
  const publisher = slackPublisher(ctx, client);
  for (const capability of CAPABILITIES as readonly Capability<Core>[]) subscribeNotifiers(ctx.core.events, publisher, ctx.core, capability.notifications ?? []);
}
