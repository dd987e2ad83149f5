// Requests as Slack sends them to an app: bodies built field for field like Slack's, signed with the app's
// signing secret (https://api.slack.com/authentication/verifying-requests-from-slack).
import { createHmac, randomBytes } from "node:crypto";
import { FAKE_WORKSPACE } from "./fake-slack/workspace-defaults.js";

export interface SlackRequestBody {
  rawBody: string;
  contentType: "application/x-www-form-urlencoded" | "application/json";
}

export interface SlackSignatureHeaders {
  "X-Slack-Signature": string;
  "X-Slack-Request-Timestamp": string;
}

type Json = Record<string, unknown>;

const FORM = "application/x-www-form-urlencoded";
const JSON_TYPE = "application/json";

export function nowInSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

export function signSlackRequest(signingSecret: string, rawBody: string, timestampSeconds = nowInSeconds()): SlackSignatureHeaders {
  const digest = createHmac("sha256", signingSecret).update(`v0:${timestampSeconds}:${rawBody}`).digest("hex");
  return { "X-Slack-Signature": `v0=${digest}`, "X-Slack-Request-Timestamp": String(timestampSeconds) };
}

let triggerCounter = 0;

/** A fresh trigger_id shaped like Slack's ("<n>.<n>.<hex>"); every call returns a new one. */
export function newTriggerId(): string {
  triggerCounter += 1;
  return `${Date.now()}.${triggerCounter}.${randomBytes(16).toString("hex")}`;
}

function placeholderResponseUrl(kind: "commands" | "actions"): string {
  return `https://hooks.slack.com/${kind}/${FAKE_WORKSPACE.teamId}/${Date.now()}/${randomBytes(12).toString("hex")}`;
}

function actionTs(): string {
  return (Date.now() / 1000).toFixed(6);
}

function userOf(userId: string, userName?: string): Json {
  const name = userName ?? userId.toLowerCase();
  return { id: userId, username: name, name, team_id: FAKE_WORKSPACE.teamId };
}

function team(): Json {
  return { id: FAKE_WORKSPACE.teamId, domain: FAKE_WORKSPACE.teamDomain };
}

/** The fields every interactive payload shares. */
function interactionBase(type: string, userId: string, userName?: string): Json {
  return {
    type,
    user: userOf(userId, userName),
    api_app_id: FAKE_WORKSPACE.apiAppId,
    token: FAKE_WORKSPACE.verificationToken,
    team: team(),
    enterprise: null,
    is_enterprise_install: false,
  };
}

/** Interactive payloads travel as a form with a single `payload` field holding JSON. */
function interactionBody(payload: Json): SlackRequestBody {
  return { rawBody: new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), contentType: FORM };
}

export interface SlashCommandInput {
  command?: string;
  text: string;
  userId: string;
  userName?: string;
  teamId?: string;
  channelId?: string;
  channelName?: string;
  triggerId?: string;
  /** Pass `fake.newResponseUrl()` when the app will answer through `respond()`. */
  responseUrl?: string;
}

export function slashCommand(input: SlashCommandInput): SlackRequestBody {
  const teamId = input.teamId ?? FAKE_WORKSPACE.teamId;
  const fields: Record<string, string> = {
    token: FAKE_WORKSPACE.verificationToken,
    team_id: teamId,
    team_domain: FAKE_WORKSPACE.teamDomain,
    channel_id: input.channelId ?? "C0AIMSGENERAL",
    channel_name: input.channelName ?? "general",
    user_id: input.userId,
    user_name: input.userName ?? input.userId.toLowerCase(),
    command: input.command ?? "/aims",
    text: input.text,
    api_app_id: FAKE_WORKSPACE.apiAppId,
    is_enterprise_install: "false",
    response_url: input.responseUrl ?? placeholderResponseUrl("commands"),
    trigger_id: input.triggerId ?? newTriggerId(),
  };
  return { rawBody: new URLSearchParams(fields).toString(), contentType: FORM };
}

export interface ActionInput {
  action_id: string;
  block_id: string;
  value?: string;
  selected_option?: { value: string; text?: { type: "plain_text"; text: string } };
  /** Defaults to "static_select" when selected_option is given, otherwise "button". */
  type?: string;
}

export interface BlockActionsInput {
  userId: string;
  userName?: string;
  actions: ActionInput[];
  container?: Json;
  /** The message holding the clicked element; gives the container, channel and response_url. */
  message?: Json & { ts?: string };
  /** The view holding the clicked element (modal or home); view-originated actions carry no response_url. */
  view?: Json & { id?: string };
  channelId?: string;
  triggerId?: string;
  responseUrl?: string;
}

function withOptionText(option: ActionInput["selected_option"]): Json | undefined {
  if (!option) return undefined;
  return { text: option.text ?? { type: "plain_text", text: option.value, emoji: true }, value: option.value };
}

export function blockActions(input: BlockActionsInput): SlackRequestBody {
  const channelId = input.channelId ?? "C0AIMSGENERAL";
  const actions = input.actions.map((action) => {
    const selectedOption = withOptionText(action.selected_option);
    return {
      type: action.type ?? (selectedOption ? "static_select" : "button"),
      action_id: action.action_id,
      block_id: action.block_id,
      ...(action.value !== undefined ? { value: action.value } : {}),
      ...(selectedOption ? { selected_option: selectedOption } : {}),
      action_ts: actionTs(),
    };
  });
  const payload: Json = {
    ...interactionBase("block_actions", input.userId, input.userName),
    trigger_id: input.triggerId ?? newTriggerId(),
    actions,
  };
  if (input.view) {
    payload.container = input.container ?? { type: "view", view_id: input.view.id };
    payload.view = input.view;
  } else {
    const messageTs = input.message?.ts ?? "1700000000.000100";
    payload.container = input.container ?? { type: "message", message_ts: messageTs, channel_id: channelId, is_ephemeral: false };
    payload.channel = { id: channelId, name: "general" };
    payload.message = input.message ?? { type: "message", ts: messageTs, text: "" };
    payload.state = { values: {} };
    payload.response_url = input.responseUrl ?? placeholderResponseUrl("actions");
  }
  return interactionBody(payload);
}

export interface SubmittedView {
  callback_id: string;
  private_metadata?: string;
  state: { values: Json };
  id?: string;
  hash?: string;
  blocks?: unknown[];
  title?: Json;
  external_id?: string;
  root_view_id?: string;
  previous_view_id?: string | null;
}

/** The view object Slack includes in view_submission and view_closed payloads. */
function viewPayload(view: SubmittedView): Json {
  const id = view.id ?? `V${randomBytes(5).toString("hex").toUpperCase()}`;
  return {
    id,
    team_id: FAKE_WORKSPACE.teamId,
    type: "modal",
    blocks: view.blocks ?? [],
    private_metadata: view.private_metadata ?? "",
    callback_id: view.callback_id,
    state: view.state,
    hash: view.hash ?? `${nowInSeconds()}.${randomBytes(4).toString("hex")}`,
    title: view.title ?? { type: "plain_text", text: "AIMS", emoji: true },
    clear_on_close: false,
    notify_on_close: false,
    close: null,
    submit: null,
    previous_view_id: view.previous_view_id ?? null,
    root_view_id: view.root_view_id ?? id,
    app_id: FAKE_WORKSPACE.apiAppId,
    external_id: view.external_id ?? "",
    app_installed_team_id: FAKE_WORKSPACE.teamId,
    bot_id: FAKE_WORKSPACE.botId,
  };
}

export function viewSubmission(input: { userId: string; userName?: string; view: SubmittedView; triggerId?: string }): SlackRequestBody {
  return interactionBody({
    ...interactionBase("view_submission", input.userId, input.userName),
    trigger_id: input.triggerId ?? newTriggerId(),
    view: viewPayload(input.view),
    response_urls: [],
  });
}

export function viewClosed(input: { userId: string; userName?: string; view: SubmittedView; isCleared?: boolean }): SlackRequestBody {
  return interactionBody({
    ...interactionBase("view_closed", input.userId, input.userName),
    view: viewPayload(input.view),
    is_cleared: input.isCleared ?? false,
  });
}

export function globalShortcut(input: { callbackId: string; userId: string; userName?: string; triggerId?: string }): SlackRequestBody {
  return interactionBody({
    ...interactionBase("shortcut", input.userId, input.userName),
    callback_id: input.callbackId,
    trigger_id: input.triggerId ?? newTriggerId(),
    action_ts: actionTs(),
  });
}

export interface MessageShortcutInput {
  callbackId: string;
  userId: string;
  userName?: string;
  channelId: string;
  channelName?: string;
  message: { ts: string; text: string; user: string };
  triggerId?: string;
  responseUrl?: string;
}

export function messageShortcut(input: MessageShortcutInput): SlackRequestBody {
  return interactionBody({
    ...interactionBase("message_action", input.userId, input.userName),
    callback_id: input.callbackId,
    trigger_id: input.triggerId ?? newTriggerId(),
    action_ts: actionTs(),
    message_ts: input.message.ts,
    channel: { id: input.channelId, name: input.channelName ?? "general" },
    message: { type: "message", ...input.message },
    response_url: input.responseUrl ?? placeholderResponseUrl("actions"),
  });
}

export function eventCallback(event: Json, options: { eventId?: string; eventTime?: number; teamId?: string } = {}): SlackRequestBody {
  const teamId = options.teamId ?? FAKE_WORKSPACE.teamId;
  const eventTime = options.eventTime ?? nowInSeconds();
  const body = {
    token: FAKE_WORKSPACE.verificationToken,
    team_id: teamId,
    api_app_id: FAKE_WORKSPACE.apiAppId,
    event: { event_ts: actionTs(), ...event },
    type: "event_callback",
    event_id: options.eventId ?? `Ev${randomBytes(5).toString("hex").toUpperCase()}`,
    event_time: eventTime,
    authorizations: [
      { enterprise_id: null, team_id: teamId, user_id: FAKE_WORKSPACE.botUserId, is_bot: true, is_enterprise_install: false },
    ],
    is_ext_shared_channel: false,
  };
  return { rawBody: JSON.stringify(body), contentType: JSON_TYPE };
}

export function urlVerification(challenge: string): SlackRequestBody {
  const body = { token: FAKE_WORKSPACE.verificationToken, challenge, type: "url_verification" };
  return { rawBody: JSON.stringify(body), contentType: JSON_TYPE };
}

type StateValueInput = string | ({ type: string } & Json);

function withSelectedOptionTexts(value: Json): Json {
  const withText = (option: unknown): unknown => {
    const candidate = option as { value?: string; text?: unknown } | null;
    if (!candidate || candidate.text !== undefined) return option;
    return { text: { type: "plain_text", text: String(candidate.value), emoji: true }, value: candidate.value };
  };
  const result: Json = { ...value };
  if ("selected_option" in value) result.selected_option = withText(value.selected_option);
  if (Array.isArray(value.selected_options)) result.selected_options = value.selected_options.map(withText);
  return result;
}

/**
 * A view's `state.values` as Slack sends it. A string is shorthand for a plain_text_input value; options given
 * only by value get Slack's option text.
 */
export function stateValues(values: Record<string, Record<string, StateValueInput>>): Json {
  const built: Json = {};
  for (const [blockId, actions] of Object.entries(values)) {
    const blockValues: Json = {};
    for (const [actionId, value] of Object.entries(actions)) {
      blockValues[actionId] = typeof value === "string" ? { type: "plain_text_input", value } : withSelectedOptionTexts(value);
    }
    built[blockId] = blockValues;
  }
  return built;
}

export interface SendOptions {
  signingSecret: string;
  timestampSeconds?: number;
  /** Replaces the computed X-Slack-Signature, to forge a request. */
  signature?: string;
  extraHeaders?: Record<string, string>;
}

export function sendToSlackEndpoint(url: string, body: SlackRequestBody, options: SendOptions): Promise<Response> {
  const signed = signSlackRequest(options.signingSecret, body.rawBody, options.timestampSeconds);
  return fetch(url, {
    method: "POST",
    headers: {
      "Content-Type": body.contentType,
      "User-Agent": "Slackbot 1.0 (+https://api.slack.com/robots)",
      ...signed,
      ...(options.signature !== undefined ? { "X-Slack-Signature": options.signature } : {}),
      ...options.extraHeaders,
    },
    body: body.rawBody,
  });
}
