import { DateTime } from "luxon";
import { IdFactory } from "./ids.js";

export type Json = Record<string, unknown>;

export interface FakeSlackUserInput {
  id: string;
  name: string;
  real_name?: string;
  /** IANA zone; defaults to "Europe/London". */
  tz?: string;
  /** Seconds east of UTC; defaults to the zone's current offset. */
  tz_offset?: number;
  email?: string;
  is_bot?: boolean;
  /** Deactivated by a workspace admin: users.info still answers, with deleted: true. */
  deleted?: boolean;
}

/** A Slack user group ("subteam"): `@handle`, with its members. */
export interface FakeUserGroupInput {
  id: string;
  handle: string;
  name: string;
  users?: string[];
  /** Disabled groups are left out of usergroups.list and unknown to usergroups.users.list unless include_disabled. */
  disabled?: boolean;
}

export interface FakeChannelInput {
  id: string;
  name: string;
  is_private?: boolean;
  members?: string[];
}

export interface StoredChannel {
  id: string;
  name: string;
  isPrivate: boolean;
  isIm: boolean;
  isMpim: boolean;
  created: number;
  creator: string;
  members: Set<string>;
}

export interface StoredMessage {
  channel: string;
  ts: string;
  text: string;
  blocks?: unknown;
  attachments?: unknown;
  metadata?: unknown;
  thread_ts?: string;
  pinned: boolean;
  edited?: { user: string; ts: string };
}

export interface ScheduledMessage {
  scheduled_message_id: string;
  channel: string;
  post_at: number;
  text: string;
  blocks?: unknown;
}

export interface FakeUpload {
  file_id: string;
  filename: string;
  title: string;
  bytes: Buffer;
  channel_id?: string;
  thread_ts?: string;
  initial_comment?: string;
}

/** A file a person shared (in a DM with the bot, say): what files.info describes and url_private serves. */
export interface SharedFileInput {
  user: string;
  channel: string;
  name: string;
  mimetype: string;
  filetype: string;
  content: Buffer | string;
}

export interface StoredSharedFile extends Omit<SharedFileInput, "content"> {
  id: string;
  bytes: Buffer;
}

export interface PendingUpload {
  fileId: string;
  filename: string;
  length: number;
  bytes?: Buffer;
}

export interface WorkspaceIdentity {
  teamId: string;
  teamDomain: string;
  apiAppId: string;
  botUserId: string;
  botId: string;
}

/** Everything the fake remembers between calls; rebuilt from the seeds on reset. */
export class WorkspaceState {
  readonly ids = new IdFactory();
  readonly users = new Map<string, Json>();
  readonly channels = new Map<string, StoredChannel>();
  readonly directMessageChannels = new Map<string, string>();
  readonly messages = new Map<string, Map<string, StoredMessage>>();
  readonly scheduledMessages: ScheduledMessage[] = [];
  readonly usedTriggerIds = new Set<string>();
  readonly views = new Map<string, Json>();
  /** Modal stacks keyed by root view id, newest root last. */
  readonly modalStacks = new Map<string, string[]>();
  readonly homeViewIdByUser = new Map<string, string>();
  readonly pendingUploads = new Map<string, PendingUpload>();
  readonly uploads: FakeUpload[] = [];
  readonly sharedFiles = new Map<string, StoredSharedFile>();
  readonly userGroups = new Map<string, FakeUserGroupInput>();

  constructor(readonly identity: WorkspaceIdentity) {
    this.addUser({ id: identity.botUserId, name: "aims-bot", real_name: "AIMS Bot", is_bot: true });
  }

  addUser(input: FakeSlackUserInput): void {
    const tz = input.tz ?? "Europe/London";
    const zoned = DateTime.now().setZone(tz);
    const realName = input.real_name ?? input.name;
    this.users.set(input.id, {
      id: input.id,
      team_id: this.identity.teamId,
      name: input.name,
      deleted: input.deleted ?? false,
      real_name: realName,
      tz,
      tz_label: zoned.isValid ? zoned.offsetNameLong : tz,
      tz_offset: input.tz_offset ?? (zoned.isValid ? zoned.offset * 60 : 0),
      is_admin: false,
      is_owner: false,
      is_restricted: false,
      is_ultra_restricted: false,
      is_bot: input.is_bot ?? false,
      is_app_user: false,
      updated: Math.floor(Date.now() / 1000),
      profile: {
        real_name: realName,
        real_name_normalized: realName,
        display_name: input.name,
        display_name_normalized: input.name,
        ...(input.email ? { email: input.email } : {}),
        team: this.identity.teamId,
      },
    });
  }

  addUserGroup(input: FakeUserGroupInput): void {
    this.userGroups.set(input.id, { ...input, users: [...(input.users ?? [])] });
  }

  addChannel(input: FakeChannelInput): StoredChannel {
    const channel: StoredChannel = {
      id: input.id,
      name: input.name,
      isPrivate: input.is_private ?? false,
      isIm: false,
      isMpim: false,
      created: Math.floor(Date.now() / 1000),
      creator: this.identity.botUserId,
      members: new Set(input.members ?? [this.identity.botUserId]),
    };
    this.channels.set(channel.id, channel);
    return channel;
  }

  /** Messages addressed to a user id land in the bot's direct-message channel with that user, as on Slack. */
  resolveChannelId(channel: string): string {
    return /^[UW]/.test(channel) ? this.directMessageChannelFor([channel]).id : channel;
  }

  directMessageChannelFor(userIds: string[]): StoredChannel {
    const key = [...userIds].sort().join(",");
    const existingId = this.directMessageChannels.get(key);
    if (existingId) return this.channels.get(existingId) as StoredChannel;
    const isMpim = userIds.length > 1;
    const channel = this.addChannel({
      id: this.ids.next(isMpim ? "G" : "D"),
      name: isMpim ? `mpdm-${userIds.join("--")}-1` : userIds[0],
      is_private: true,
      members: [this.identity.botUserId, ...userIds],
    });
    channel.isIm = !isMpim;
    channel.isMpim = isMpim;
    this.directMessageChannels.set(key, channel.id);
    return channel;
  }

  messagesIn(channel: string): Map<string, StoredMessage> {
    let byTs = this.messages.get(channel);
    if (!byTs) {
      byTs = new Map();
      this.messages.set(channel, byTs);
    }
    return byTs;
  }

  findMessage(channel: string, ts: string): StoredMessage | undefined {
    return this.messages.get(this.resolveChannelId(channel))?.get(ts);
  }
}
