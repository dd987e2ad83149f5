/** Activities as Microsoft Teams posts them to a bot's messaging endpoint. */
export const TENANT_ID = "8a1c2f5e-1111-4b7a-9c3d-5e6f7a8b9c0d";
export const BOT_ACCOUNT = { id: "28:7e1b3c9a-aims-bot", name: "AIMS" };
export const TEAMS_APPROVALS_CONVERSATION = "19:approvals0123456789@thread.tacv2";

export interface TeamsPerson {
  aadObjectId: string;
  /** The Teams user id ("29:..."), different from the AAD object id. */
  id: string;
  name: string;
}

const person = (n: string, name: string): TeamsPerson => ({
  aadObjectId: `00000000-0000-4000-8000-${n.padStart(12, "0")}`,
  id: `29:1teams-user-${n}`,
  name,
});

export const TEAMS_APPROVERS = [person("a1", "Alex Approver"), person("a2", "Blair Approver")] as const;
export const TEAMS_EMPLOYEE = person("e1", "Eve Employee");
export const TEAMS_OTHER = person("e2", "Olli Other");

export const personalChatId = (who: TeamsPerson) => `a:1personal-chat-${who.aadObjectId}`;

export interface ConversationInput {
  id: string;
  type: "personal" | "channel" | "groupChat";
}

export const personalChat = (who: TeamsPerson): ConversationInput => ({ id: personalChatId(who), type: "personal" });
export const channelConversation = (id = TEAMS_APPROVALS_CONVERSATION): ConversationInput => ({ id, type: "channel" });

let sequence = 0;

function base(serviceUrl: string, from: TeamsPerson, conversation: ConversationInput) {
  const isChannel = conversation.type === "channel";
  return {
    id: `f:${Date.now()}${++sequence}`,
    channelId: "msteams",
    serviceUrl,
    timestamp: new Date().toISOString(),
    localTimestamp: new Date().toISOString(),
    locale: "en-GB",
    from: { id: from.id, name: from.name, aadObjectId: from.aadObjectId },
    recipient: BOT_ACCOUNT,
    conversation: {
      id: conversation.id,
      conversationType: conversation.type,
      tenantId: TENANT_ID,
      ...(conversation.type !== "personal" ? { isGroup: true } : {}),
    },
    channelData: {
      tenant: { id: TENANT_ID },
      ...(isChannel ? { teamsChannelId: conversation.id, teamsTeamId: "19:team@thread.tacv2", channel: { id: conversation.id }, team: { id: "19:team@thread.tacv2" } } : {}),
    },
    entities: [{ type: "clientInfo", locale: "en-GB", country: "GB", platform: "Web", timezone: "Europe/London" }],
  };
}

/** A message; in a channel the bot is @mentioned first, as Teams only delivers channel messages that mention it. */
export function messageActivity(serviceUrl: string, from: TeamsPerson, text: string, conversation = personalChat(from)) {
  const activity = base(serviceUrl, from, conversation);
  if (conversation.type === "personal") return { ...activity, type: "message", text, textFormat: "plain" };
  const mention = `<at>${BOT_ACCOUNT.name}</at>`;
  return {
    ...activity,
    type: "message",
    text: `${mention} ${text}`,
    textFormat: "plain",
    entities: [...activity.entities, { type: "mention", text: mention, mentioned: BOT_ACCOUNT }],
  };
}

/** A click on an Action.Execute button: an `adaptiveCard/action` invoke with the card's data and its inputs merged. */
export function cardActionInvoke(
  serviceUrl: string,
  from: TeamsPerson,
  input: { verb: string; data: Record<string, unknown>; replyToId?: string; conversation?: ConversationInput },
) {
  return {
    ...base(serviceUrl, from, input.conversation ?? personalChat(from)),
    type: "invoke",
    name: "adaptiveCard/action",
    replyToId: input.replyToId ?? `1card${sequence}`,
    value: { action: { type: "Action.Execute", id: `action-${sequence}`, verb: input.verb, data: input.data }, trigger: "manual" },
  };
}

/** Allow or Decline on a file consent card: Teams' `fileConsent/invoke`, with an upload session when allowed. */
export function fileConsentInvoke(
  serviceUrl: string,
  from: TeamsPerson,
  input: { action: "accept" | "decline"; context: unknown; uploadInfo?: object; replyToId: string },
) {
  return {
    ...base(serviceUrl, from, personalChat(from)),
    type: "invoke",
    name: "fileConsent/invoke",
    replyToId: input.replyToId,
    value: { type: "fileUpload", action: input.action, context: input.context, ...(input.uploadInfo ? { uploadInfo: input.uploadInfo } : {}) },
  };
}

/** A message Teams hands a message action: the message's HTML and who wrote it. */
export interface MessagePayloadInput {
  id: string;
  html: string;
  author: TeamsPerson;
}

/**
 * A message action (the manifest's composeExtensions command with context "message"): `fetchTask` when the person
 * picks it from a message's menu, `submitAction` when they submit the dialog (inputs merged into `data`).
 */
export function messageActionInvoke(
  serviceUrl: string,
  from: TeamsPerson,
  input: { kind: "fetchTask" | "submitAction"; commandId: string; message: MessagePayloadInput; data?: Record<string, unknown>; conversation?: ConversationInput },
) {
  const { message } = input;
  return {
    ...base(serviceUrl, from, input.conversation ?? personalChat(from)),
    type: "invoke",
    name: `composeExtension/${input.kind}`,
    value: {
      commandId: input.commandId,
      commandContext: "message",
      context: { theme: "default" },
      messagePayload: {
        id: message.id,
        messageType: "message",
        body: { contentType: "html", content: message.html },
        from: { user: { id: message.author.aadObjectId, displayName: message.author.name, userIdentityType: "aadUser" } },
      },
      ...(input.data ? { data: input.data } : {}),
    },
  };
}

/** A link to one of the manifest's link unfurling domains pasted while composing: `composeExtension/queryLink`. */
export function linkQueryInvoke(serviceUrl: string, from: TeamsPerson, url: string, conversation: ConversationInput) {
  return { ...base(serviceUrl, from, conversation), type: "invoke", name: "composeExtension/queryLink", value: { url } };
}

/** The bot being installed in a conversation (personal app, team channel or group chat). */
export function botInstalled(serviceUrl: string, by: TeamsPerson, conversation: ConversationInput) {
  const activity = base(serviceUrl, by, conversation);
  const eventType = conversation.type === "channel" ? { eventType: "teamMemberAdded" } : {};
  return { ...activity, type: "conversationUpdate", membersAdded: [{ id: BOT_ACCOUNT.id }], channelData: { ...activity.channelData, ...eventType } };
}

/** A Microsoft app registration: with it the Teams endpoint requires Bot Framework tokens. */
export const TEAMS_APP_ID = "0f1e2d3c-4b5a-4978-8796-a5b4c3d2e1f0";
export const TEAMS_APP_SECRET = "test-secret-value";
export const AUTHENTICATED_TEAMS_ENV = { MICROSOFT_APP_ID: TEAMS_APP_ID, MICROSOFT_APP_PASSWORD: TEAMS_APP_SECRET, MICROSOFT_APP_TYPE: "MultiTenant" };

/**
 * Teams telling the bot that people joined or left a team (in its General channel, whose id is the team id, with
 * `teamMemberAdded` / `teamMemberRemoved`) or a group chat.
 */
export function membersChanged(
  serviceUrl: string,
  by: TeamsPerson,
  input: { team?: { id: string; name: string }; groupChatId?: string; added?: TeamsPerson[]; removed?: TeamsPerson[] },
) {
  const conversation: ConversationInput = input.team ? channelConversation(input.team.id) : { id: input.groupChatId ?? "", type: "groupChat" };
  const activity = base(serviceUrl, by, conversation);
  const account = (who: TeamsPerson) => ({ id: who.id, aadObjectId: who.aadObjectId });
  const eventType = input.added?.length ? "teamMemberAdded" : "teamMemberRemoved";
  return {
    ...activity,
    type: "conversationUpdate",
    ...(input.added ? { membersAdded: input.added.map(account) } : {}),
    ...(input.removed ? { membersRemoved: input.removed.map(account) } : {}),
    channelData: input.team
      ? { ...activity.channelData, eventType, team: input.team, teamsTeamId: input.team.id, teamsChannelId: input.team.id, channel: { id: input.team.id } }
      : activity.channelData,
  };
}
