import type { Json, StoredChannel, WorkspaceState } from "../workspace-state.js";
import { type MethodHandler, SlackApiError, requireString, userIdList } from "./method-handler.js";

const CHANNEL_NAME_MAX = 80;

function channelView(channel: StoredChannel, state: WorkspaceState): Json {
  const isChannel = !channel.isIm && !channel.isMpim;
  return {
    id: channel.id,
    ...(isChannel || channel.isMpim ? { name: channel.name, name_normalized: channel.name } : { user: channel.name }),
    is_channel: isChannel,
    is_group: false,
    is_im: channel.isIm,
    is_mpim: channel.isMpim,
    is_private: channel.isPrivate,
    is_archived: false,
    is_general: false,
    is_member: channel.members.has(state.identity.botUserId),
    created: channel.created,
    creator: channel.creator,
    num_members: channel.members.size,
    topic: { value: "", creator: "", last_set: 0 },
    purpose: { value: "", creator: "", last_set: 0 },
  };
}

function requireChannel(args: Json, state: WorkspaceState): StoredChannel {
  const channel = state.channels.get(requireString(args, "channel", "channel_not_found"));
  if (!channel) throw new SlackApiError("channel_not_found");
  return channel;
}

/** Slack's channel naming rules: lowercase letters, digits, hyphens and underscores, at most 80 characters. */
function channelNameError(name: string): string | undefined {
  if (name === "") return "invalid_name_required";
  if (name.length > CHANNEL_NAME_MAX) return "invalid_name_maxlength";
  if (!/^[a-z0-9_-]+$/.test(name)) return "invalid_name_specials";
  if (/^[-_]+$/.test(name)) return "invalid_name_punctuation";
  return undefined;
}

const open: MethodHandler = (args, { state }) => {
  if (args.channel !== undefined) return { ok: true, channel: { id: requireChannel(args, state).id } };
  const users = userIdList(args.users);
  if (users.length === 0) throw new SlackApiError("users_list_not_supplied");
  const unknown = users.find((user) => !state.users.has(user));
  if (unknown) throw new SlackApiError("user_not_found");
  const alreadyOpen = state.directMessageChannels.has([...users].sort().join(","));
  const channel = state.directMessageChannelFor(users);
  return { ok: true, ...(alreadyOpen ? { already_open: true, no_op: true } : {}), channel: { id: channel.id } };
};

const create: MethodHandler = (args, { state }) => {
  const name = typeof args.name === "string" ? args.name : "";
  const nameError = channelNameError(name);
  if (nameError) throw new SlackApiError(nameError);
  if ([...state.channels.values()].some((channel) => channel.name === name && !channel.isIm)) {
    throw new SlackApiError("name_taken");
  }
  const isPrivate = args.is_private === true || args.is_private === "true";
  const channel = state.addChannel({ id: state.ids.next("C"), name, is_private: isPrivate });
  return { ok: true, channel: channelView(channel, state) };
};

const invite: MethodHandler = (args, { state }) => {
  const channel = requireChannel(args, state);
  const users = userIdList(args.users);
  if (users.length === 0) throw new SlackApiError("no_user");
  if (users.includes(state.identity.botUserId)) throw new SlackApiError("cant_invite_self");
  if (users.some((user) => !state.users.has(user))) throw new SlackApiError("user_not_found");
  if (users.every((user) => channel.members.has(user))) throw new SlackApiError("already_in_channel");
  for (const user of users) channel.members.add(user);
  return { ok: true, channel: channelView(channel, state) };
};

const info: MethodHandler = (args, { state }) => ({ ok: true, channel: channelView(requireChannel(args, state), state) });

export const conversationMethods: Record<string, MethodHandler> = {
  "conversations.open": open,
  "conversations.create": create,
  "conversations.invite": invite,
  "conversations.info": info,
};
