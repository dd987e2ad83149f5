import type { App } from "@slack/bolt";
import { linksIn } from "../../../features/link-answers/link-catalogue.js";
import type { SlackContext } from "../context.js";
import { answerSharedLinks } from "./answer-links.js";

/** Slack calls a link in a message shared from the message composer's preview this instead of a channel id. */
const COMPOSER = "COMPOSER";

/**
 * Links to AI tools shared in Slack: `link_shared` for the manifest's unfurl domains (the catalogue's), and
 * `message` in the channels the bot is in (the register's own links too). The person who shared gets an
 * ephemeral answer; nothing is unfurled or posted for the channel.
 */
export function registerLinkAnswerListeners(app: App, ctx: SlackContext): void {
  app.event("link_shared", async ({ event, client }) => {
    if (event.channel === COMPOSER || !event.user) return;
    await answerSharedLinks(ctx, client, {
      channel: event.channel,
      user: event.user,
      urls: event.links.map((link) => link.url),
      threadTs: event.thread_ts,
    });
  });

  app.event("message", async ({ event, client }) => {
    if (event.subtype !== undefined || event.channel_type === "im") return;
    if ("bot_id" in event && event.bot_id) return;
    const text = typeof event.text === "string" ? event.text : "";
    if (!event.user) return;
    await answerSharedLinks(ctx, client, { channel: event.channel, user: event.user, urls: linksIn(text), threadTs: "thread_ts" in event ? event.thread_ts : undefined });
  });
}
