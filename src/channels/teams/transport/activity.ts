/**
 * The Bot Framework data the Teams code reads and writes, as our own types: the shapes on the wire (and in the
 * database, for conversation references), not any SDK's classes. botbuilder's and the Microsoft 365 Agents SDK's
 * classes both fit them, so only this folder knows which SDK carries them.
 */

/** A person or bot in a conversation. In Teams, `id` is the Teams user id and `aadObjectId` the Entra object id. */
export interface TeamsAccount {
  id: string;
  name?: string;
  aadObjectId?: string;
  role?: string;
}

/** A conversation: a personal chat, a group chat or a channel of a team. */
export interface TeamsConversation {
  id: string;
  /** "personal", "groupChat" or "channel". */
  conversationType?: string;
  isGroup?: boolean;
  tenantId?: string;
  name?: string;
}

/** An entity of an activity: a mention, the `clientInfo` with the person's time zone, … */
export interface TeamsEntity {
  type: string;
  [key: string]: unknown;
}

/** An activity Teams sent the bot, as the Teams code reads it. */
export interface TeamsActivity {
  type: string;
  id?: string;
  /** The invoke's name ("adaptiveCard/action", "composeExtension/fetchTask", "fileConsent/invoke", …). */
  name?: string;
  channelId: string;
  serviceUrl: string;
  from: TeamsAccount;
  recipient: TeamsAccount;
  conversation: TeamsConversation;
  text?: string;
  value?: unknown;
  /** The message a card action or file consent answer is about. */
  replyToId?: string;
  channelData?: unknown;
  entities?: TeamsEntity[];
  localTimezone?: string;
  locale?: string;
  membersAdded?: TeamsAccount[];
  membersRemoved?: TeamsAccount[];
  /** Cards or files sent with a message (a file in a personal chat: `application/vnd.microsoft.teams.file.download.info`). */
  attachments?: Attachment[];
}

/** The activity types of the Bot Framework protocol (metrics name only these). */
export const ACTIVITY_TYPES = [
  "message",
  "contactRelationUpdate",
  "conversationUpdate",
  "typing",
  "endOfConversation",
  "event",
  "invoke",
  "invokeResponse",
  "deleteUserData",
  "messageUpdate",
  "messageDelete",
  "installationUpdate",
  "messageReaction",
  "suggestion",
  "trace",
  "handoff",
  "command",
  "commandResult",
] as const;

/** A card or file attached to a message. */
export interface Attachment {
  contentType: string;
  content?: unknown;
  contentUrl?: string;
  name?: string;
}

/** A message the bot sends: text (Teams markdown) and/or attachments. */
export interface OutgoingMessage {
  type: "message";
  text?: string;
  textFormat?: string;
  /** What notifications and chat previews show. */
  summary?: string;
  attachments?: Attachment[];
}

/**
 * Where a conversation is and how the bot reaches it, as stored in TeamsConversation.reference: what the Bot
 * Framework calls a conversation reference (less the activity id), the same JSON either SDK reads.
 */
export interface ConversationReference {
  channelId: string;
  serviceUrl: string;
  bot: TeamsAccount;
  /** The person the reference was taken from; proactive sends copy it only into their own personal chat. */
  user?: TeamsAccount;
  conversation: TeamsConversation;
  locale?: string;
}

/** The answer to an `adaptiveCard/action` invoke: a card that replaces the clicked one, or a short message. */
export interface CardInvokeResponse {
  statusCode: number;
  type: string;
  value: unknown;
}

/** The message a message action (a message's "…" menu) was started on, as Teams hands it over. */
export interface MessageActionPayload {
  id?: string;
  body?: { contentType?: string; content?: string };
  from?: { user?: { id?: string; displayName?: string } };
}

/** A message action's fetch or submit: its command id (in the manifest), the dialog's data, the message. */
export interface MessageAction {
  commandId?: string;
  data?: unknown;
  messagePayload?: MessageActionPayload;
}

/** `composeExtension/queryLink`: a link to one of the manifest's domains, pasted while composing a message. */
export interface LinkQuery {
  url?: string;
}

/**
 * The answer to a link query: a card (with its compose-box preview) only the person composing sees until they send,
 * or no card at all (an empty result).
 */
export interface LinkUnfurlResponse {
  composeExtension: { type: "result"; attachmentLayout: "list"; attachments: Array<Attachment & { preview?: Attachment }> };
}

/** The answer to a message action: a dialog (task module) showing a card, or a short message. */
export type MessageActionResponse =
  | { task: { type: "continue"; value: { title: string; width?: string; height?: string; card: Attachment } } }
  | { task: { type: "message"; value: string } };

/** Where Teams lets the bot upload a file the person allowed, and the file it creates in their OneDrive. */
export interface FileUploadInfo {
  name?: string;
  uploadUrl?: string;
  contentUrl?: string;
  uniqueId?: string;
  fileType?: string;
}

/** Allow or Decline on a file consent card, with the context the card was sent with. */
export interface FileConsentResponse {
  action?: string;
  context?: unknown;
  uploadInfo?: FileUploadInfo;
}

/** A person as a Teams roster (the Bot Connector's members calls) describes them. */
export interface RosterAccount {
  id?: string;
  name?: string;
  aadObjectId?: string;
  /** Older answers name the Entra object id so. */
  objectId?: string;
  email?: string;
  userPrincipalName?: string;
}

export interface RosterAccountPage {
  members: RosterAccount[];
  continuationToken?: string;
}
