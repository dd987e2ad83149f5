import type { WebClient } from "@slack/web-api";
import type { Core } from "../../../app/core.js";
import { findChannelMessage } from "../../../core/channel-messages.js";
import type { Place, Publisher } from "../../../conversation/notifications.js";
import { subscribeNotifiers } from "../../../conversation/notifications.js";
import { publisherOver } from "../../../conversation/publisher-over.js";
import { CAPABILITIES } from "../../../features/capabilities.js";
import type { Capability } from "../../../conversation/capability.js";
import { room } from "../../../conversation/message.js";
import { channelSurface } from "../channel-surface.js";
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
  return {
    ...publisherOver({
      channel: "slack",
      prisma,
      answersStay: false,
      places,
      surfaceFor: (channel) => channelSurface(client, channel),
      render: blockKitMessage,
      async sendToPerson(userId, message) {
        const posted = await client.chat.postMessage({ channel: userId, ...message });
        return { conversationId: posted.channel ?? userId, messageId: posted.ts! };
      },
      async update(at, message) {
        await client.chat.update({ channel: at.conversationId, ts: at.messageId, ...message });
      },
    }),
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
