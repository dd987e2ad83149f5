import type { App } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import { replyText } from "../../../conversation/reply.js";
import { fileSharedReply } from "../../../features/policies/conversation/policy-file-reply.js";
import { POLICY_WORDING } from "../../../features/policies/conversation/policy-wording.js";
import type { SlackContext } from "../context.js";
import { blockKitMessage } from "../conversation/block-kit-message.js";
import { slackTurn } from "../conversation/slack-turn.js";
import { slackActor } from "../slack-actor.js";

/** Slack's file hosts, and the API's own host when SLACK_API_URL points elsewhere (GovSlack, tests). */
const FILE_HOSTS = ["files.slack.com", "files.slack-gov.com"];

/** Whether the bot token may be sent to this url_private: never to a host that is not Slack's. */
export function isSlackFileUrl(url: string, apiUrl: string | undefined): boolean {
  const parsed = URL.canParse(url) ? new URL(url) : null;
  if (!parsed) return false;
  if (parsed.protocol === "https:" && FILE_HOSTS.includes(parsed.hostname)) return true;
  return apiUrl !== undefined && new URL(apiUrl).origin === parsed.origin;
}

/**
 * The file's bytes from its url_private with the bot token. Slack answers a request it does not accept with a
 * redirect to its sign-in page, so anything but a 200 is a failure, and redirects are not followed.
 */
async function downloadPrivateFile(ctx: SlackContext, url: string): Promise<Uint8Array> {
  if (!isSlackFileUrl(url, ctx.slack.apiUrl)) throw new Error(`url_private on an unexpected host: ${new URL(url).host}`);
  const response = await fetch(url, { headers: { authorization: `Bearer ${ctx.slack.botToken}` }, redirect: "manual", signal: AbortSignal.timeout(10_000) });
  if (response.status !== 200) throw new Error(`url_private answered ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

async function answerSharedFile(ctx: SlackContext, client: WebClient, user: string, channel: string, fileId: string): Promise<void> {
  const info = await client.files.info({ file: fileId });
  const file = info.file;
  if (!file?.url_private) throw new Error(`files.info gave no url_private for ${fileId}`);
  const turn = slackTurn(ctx, slackActor(user), channel);
  const url = file.url_private;
  const reply = await fileSharedReply(turn, { name: file.name ?? fileId, mimetype: file.mimetype, fileType: file.filetype, size: file.size }, () => downloadPrivateFile(ctx, url));
  const message = reply.kind === "show" ? blockKitMessage(reply.message) : { text: replyText(reply) };
  await client.chat.postMessage({ channel, ...message });
}

/**
 * A file shared in a DM with the bot (a `message` event of subtype `file_share`): for an AIMS owner, a Markdown
 * file becomes a preview with a Publish button (see policy-file-reply.ts). The file is read with files.info and
 * its url_private, with the bot token (the files:read scope).
 */
export function registerPolicyFileListener(app: App, ctx: SlackContext): void {
  app.event("message", async ({ event, client }) => {
    if (event.subtype !== "file_share" || event.channel_type !== "im" || !event.user) return;
    // The bot's own uploads (an export sent to a DM) arrive as file_share messages too.
    if ("bot_id" in event && event.bot_id) return;
    const [first] = event.files ?? [];
    if (!first) return;
    try {
      await answerSharedFile(ctx, client, event.user, event.channel, first.id);
    } catch (error) {
      ctx.logger.warn({ err: error, file: first.id }, "could not answer a file shared with the bot");
      await client.chat.postMessage({ channel: event.channel, text: POLICY_WORDING.fileFailed });
    }
  });
}
