import type { StoredMessage, WorkspaceState } from "../workspace-state.js";
import { botMessageView, messageContent } from "./message-content.js";
import { type MethodHandler, SlackApiError, nowSeconds, optionalString, requireString } from "./method-handler.js";

const SCHEDULE_HORIZON_SECONDS = 120 * 24 * 60 * 60;

function requireMessage(channel: string, ts: string, state: WorkspaceState): StoredMessage {
  const message = state.findMessage(channel, ts);
  if (!message) throw new SlackApiError("message_not_found");
  return message;
}

const postMessage: MethodHandler = (args, { state }) => {
  const channel = state.resolveChannelId(requireString(args, "channel", "channel_not_found"));
  const content = messageContent(args);
  const ts = state.ids.nextMessageTs();
  const threadTs = optionalString(args, "thread_ts");
  state.messagesIn(channel).set(ts, { channel, ts, ...content, thread_ts: threadTs, pinned: false });
  return { ok: true, channel, ts, message: botMessageView(state, ts, content, threadTs) };
};

const update: MethodHandler = (args, { state }) => {
  const channel = state.resolveChannelId(requireString(args, "channel", "channel_not_found"));
  const ts = requireString(args, "ts", "message_not_found");
  const message = requireMessage(channel, ts, state);
  // Fields left out of chat.update keep their previous values (an empty blocks array removes blocks).
  const { text, ...rest } = messageContent(args);
  Object.assign(message, rest, args.text !== undefined ? { text } : {});
  message.edited = { user: state.identity.botUserId, ts: state.ids.nextMessageTs() };
  const { text: storedText, blocks, attachments, metadata } = message;
  const merged = { text: storedText, ...definedOnly({ blocks, attachments, metadata }) };
  return { ok: true, channel, ts, text: storedText, message: botMessageView(state, ts, merged, message.thread_ts) };
};

function definedOnly(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
}

/**
 * As Slack: the channel must exist and hold the bot (`channel_not_found`, `not_in_channel`), and the person must be
 * in it (`user_not_in_channel`); a channel the fake was never told about is taken as known, as before. Nothing is
 * stored with the channel's messages (no one else sees it): the call log is the only trace.
 */
const postEphemeral: MethodHandler = (args, { state }) => {
  const channelId = requireString(args, "channel", "channel_not_found");
  const user = requireString(args, "user", "user_not_found");
  if (/^[UW]/.test(channelId)) throw new SlackApiError("channel_not_found");
  messageContent(args);
  const channel = state.channels.get(channelId);
  if (channel && !channel.members.has(state.identity.botUserId)) throw new SlackApiError("not_in_channel");
  if (channel && !channel.members.has(user)) throw new SlackApiError("user_not_in_channel");
  return { ok: true, message_ts: state.ids.nextMessageTs() };
};

const deleteMessage: MethodHandler = (args, { state }) => {
  const channel = state.resolveChannelId(requireString(args, "channel", "channel_not_found"));
  const ts = requireString(args, "ts", "message_not_found");
  requireMessage(channel, ts, state);
  state.messagesIn(channel).delete(ts);
  return { ok: true, channel, ts };
};

const getPermalink: MethodHandler = (args, { state }) => {
  const channel = state.resolveChannelId(requireString(args, "channel", "channel_not_found"));
  const ts = requireString(args, "message_ts", "message_not_found");
  requireMessage(channel, ts, state);
  const permalink = `https://${state.identity.teamDomain}.slack.com/archives/${channel}/p${ts.replace(".", "")}`;
  return { ok: true, channel, permalink };
};

const scheduleMessage: MethodHandler = (args, { state }) => {
  const channel = state.resolveChannelId(requireString(args, "channel", "channel_not_found"));
  const postAt = Number(requireString(args, "post_at", "invalid_time"));
  if (!Number.isFinite(postAt)) throw new SlackApiError("invalid_time");
  const now = nowSeconds();
  if (postAt < now) throw new SlackApiError("time_in_past");
  if (postAt > now + SCHEDULE_HORIZON_SECONDS) throw new SlackApiError("time_too_far");
  const content = messageContent(args);
  const scheduledMessageId = state.ids.next("Q");
  state.scheduledMessages.push({ scheduled_message_id: scheduledMessageId, channel, post_at: postAt, ...content });
  return {
    ok: true,
    channel,
    scheduled_message_id: scheduledMessageId,
    post_at: postAt,
    message: { ...botMessageView(state, String(postAt), content), type: "delayed_message" },
  };
};

const pinsAdd: MethodHandler = (args, { state }) => {
  const channel = requireString(args, "channel", "channel_not_found");
  const ts = requireString(args, "timestamp", "no_item_specified");
  const message = requireMessage(channel, ts, state);
  if (message.pinned) throw new SlackApiError("already_pinned");
  message.pinned = true;
  return { ok: true };
};

export const chatMethods: Record<string, MethodHandler> = {
  "chat.postMessage": postMessage,
  "chat.update": update,
  "chat.postEphemeral": postEphemeral,
  "chat.delete": deleteMessage,
  "chat.getPermalink": getPermalink,
  "chat.scheduleMessage": scheduleMessage,
  "pins.add": pinsAdd,
};
