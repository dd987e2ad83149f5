import { type IncomingMessage, type Server, type ServerResponse, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { FaultInjector, type RateLimitOptions } from "./faults.js";
import { CallHolds, type Hold, type HeldCall, type HoldOptions } from "./holds.js";
import { FILES_PRI_PATH_PREFIX, fileObject, UPLOAD_PATH_PREFIX } from "./methods/files.js";
import { webApiMethods } from "./methods/index.js";
import { SlackApiError } from "./methods/method-handler.js";
import { RecordedList } from "./recorded-list.js";
import { parseApiArgs, parseUploadBytes, readRawBody } from "./request-body.js";
import { RESPONSE_URL_PATH_PREFIX, type ResponseUrlPost, ResponseUrls } from "./response-urls.js";
import { FakeSocketMode } from "./socket-mode.js";
import { FAKE_WORKSPACE } from "./workspace-defaults.js";
import {
  type FakeChannelInput,
  type FakeSlackUserInput,
  type FakeUpload,
  type FakeUserGroupInput,
  type Json,
  type ScheduledMessage,
  type SharedFileInput,
  type StoredMessage,
  type WorkspaceIdentity,
  WorkspaceState,
} from "./workspace-state.js";

const API_PATH_PREFIX = "/api/";
const DEFAULT_WAIT_MS = 5000;

/** Where Slack sends a request for a private file that carried no valid token. */
const LOGIN_PATH = "/signin";

export interface FakeSlackOptions extends Partial<WorkspaceIdentity> {
  /** Accepted tokens; by default any `xoxb-` token, and for apps.connections.open any `xapp-` token. */
  tokens?: string[];
  users?: FakeSlackUserInput[];
  channels?: FakeChannelInput[];
  userGroups?: FakeUserGroupInput[];
}

export interface FakeSlackCall {
  method: string;
  /** Arguments as sent, with JSON-encoded fields (blocks, view, attachments, files...) decoded. */
  args: Record<string, unknown>;
  /** Receipt time, ms since the epoch. */
  at: number;
  httpStatus: number;
  response: Json;
}

function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers });
  response.end(JSON.stringify(body));
}

function describeCall(call: FakeSlackCall): string {
  const outcome = call.response.ok ? "ok" : `error=${String(call.response.error)}`;
  return `${call.method} (${outcome}) ${JSON.stringify(call.args).slice(0, 300)}`;
}

export class FakeSlack {
  private state: WorkspaceState;
  private readonly identity: WorkspaceIdentity;
  private readonly seedUsers: FakeSlackUserInput[];
  private readonly seedChannels: FakeChannelInput[];
  private readonly seedUserGroups: FakeUserGroupInput[];
  private readonly callLog = new RecordedList<FakeSlackCall>(describeCall);
  private readonly faults = new FaultInjector();
  private readonly holds = new CallHolds();
  private readonly responseUrls = new ResponseUrls();
  /** Socket Mode: apps.connections.open starts its WebSocket server on first use. */
  readonly socketMode: FakeSocketMode;
  private readonly server: Server;
  private baseUrlValue = "";

  constructor(private readonly options: FakeSlackOptions = {}) {
    this.identity = {
      teamId: options.teamId ?? FAKE_WORKSPACE.teamId,
      teamDomain: options.teamDomain ?? FAKE_WORKSPACE.teamDomain,
      apiAppId: options.apiAppId ?? FAKE_WORKSPACE.apiAppId,
      botUserId: options.botUserId ?? FAKE_WORKSPACE.botUserId,
      botId: options.botId ?? FAKE_WORKSPACE.botId,
    };
    this.seedUsers = [...(options.users ?? [])];
    this.seedChannels = [...(options.channels ?? [])];
    this.seedUserGroups = [...(options.userGroups ?? [])];
    this.state = this.freshState();
    this.socketMode = new FakeSocketMode(this.identity.apiAppId);
    this.server = createServer((request, response) => {
      this.route(request, response).catch((error: unknown) => {
        if (!response.headersSent) sendJson(response, 500, { ok: false, error: "fatal_error", detail: String(error) });
      });
    });
  }

  async listen(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.server.once("error", reject);
      this.server.listen(0, "127.0.0.1", () => resolve());
    });
    const { port } = this.server.address() as AddressInfo;
    this.baseUrlValue = `http://127.0.0.1:${port}`;
  }

  /** e.g. "http://127.0.0.1:4321" */
  get baseUrl(): string {
    return this.baseUrlValue;
  }

  /** The WebClient `slackApiUrl` (Bolt `clientOptions.slackApiUrl`), ending in "/api/". */
  get apiUrl(): string {
    return `${this.baseUrlValue}${API_PATH_PREFIX}`;
  }

  get calls(): readonly FakeSlackCall[] {
    return this.callLog.items;
  }

  callsTo(method: string): FakeSlackCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  waitFor(method: string, predicate: (call: FakeSlackCall) => boolean = () => true, timeoutMs = DEFAULT_WAIT_MS): Promise<FakeSlackCall> {
    return this.callLog.waitFor((call) => call.method === method && predicate(call), timeoutMs, `a ${method} call`);
  }

  waitForCount(method: string, count: number, timeoutMs = DEFAULT_WAIT_MS): Promise<FakeSlackCall[]> {
    return this.callLog.waitForCount((call) => call.method === method, count, timeoutMs, `${method} calls`);
  }

  /** Forgets calls, messages, views, uploads, response URLs and injected faults; keeps seeded users and channels. */
  reset(): void {
    this.callLog.clear();
    this.faults.clear();
    this.holds.clear();
    this.responseUrls.clear();
    this.state = this.freshState();
  }

  failNext(method: string, error: string): void {
    this.faults.failNext(method, error);
  }

  rateLimit(method: string, options: RateLimitOptions): void {
    this.faults.rateLimit(method, options);
  }

  /**
   * Leaves the next matching call to `method` unanswered, as a Slack that has the request and has not answered yet
   * (or, with `applied`, answered into a connection that is gone). Resolves when that call arrives. A held call stays
   * open until released or until the app closes the connection (it dies): then Slack never answers it.
   */
  holdNext(method: string, options: HoldOptions = {}): Promise<HeldCall> {
    return this.holds.holdNext(method, { ...options, timeoutMs: options.timeoutMs ?? DEFAULT_WAIT_MS });
  }

  /** Forgets the injected faults (queued errors, rate limits, latency) and nothing else: Slack is back. */
  clearFaults(): void {
    this.faults.clear();
  }

  /** Delays every Web API answer by `ms`. */
  setLatency(ms: number): void {
    this.faults.latencyMs = ms;
  }

  addUser(user: FakeSlackUserInput): void {
    this.seedUsers.push(user);
    this.state.addUser(user);
  }

  /** Changes a user as a workspace admin would: `deleted` deactivates the account, `email` changes their profile. */
  updateUser(id: string, changes: Partial<Pick<FakeSlackUserInput, "deleted" | "email" | "real_name">>): void {
    const seed = this.seedUsers.find((user) => user.id === id);
    if (!seed) throw new Error(`no user ${id} in the fake Slack`);
    Object.assign(seed, changes);
    this.state.addUser(seed);
  }

  /** The user as users.info answers for them, for events (user_change) that carry the whole user. */
  user(id: string): Json | undefined {
    return this.state.users.get(id);
  }

  addUserGroup(group: FakeUserGroupInput): void {
    this.seedUserGroups.push(group);
    this.state.addUserGroup(group);
  }

  /** Replaces a user group's members, as an admin editing the group in Slack does. */
  setUserGroupMembers(id: string, users: string[]): void {
    const group = this.state.userGroups.get(id);
    if (!group) throw new Error(`no user group ${id} in the fake Slack`);
    group.users = [...users];
    const seed = this.seedUserGroups.find((candidate) => candidate.id === id);
    if (seed) seed.users = [...users];
  }

  addChannel(channel: FakeChannelInput): void {
    this.seedChannels.push(channel);
    this.state.addChannel(channel);
  }

  /** Messages currently in a channel (posted and not deleted), oldest first; a user id means the bot's DM with them. */
  messages(channel: string): StoredMessage[] {
    const channelId = /^[UW]/.test(channel) ? this.state.directMessageChannels.get(channel) : channel;
    return [...(this.state.messages.get(channelId ?? channel)?.values() ?? [])];
  }

  get scheduledMessages(): readonly ScheduledMessage[] {
    return this.state.scheduledMessages;
  }

  get uploads(): readonly FakeUpload[] {
    return this.state.uploads;
  }

  view(viewId: string): Json | undefined {
    return this.state.views.get(viewId);
  }

  homeView(userId: string): Json | undefined {
    const id = this.state.homeViewIdByUser.get(userId);
    return id ? this.state.views.get(id) : undefined;
  }

  /** The views of the most recently opened modal, root first. */
  currentModalStack(): Json[] {
    const stack = [...this.state.modalStacks.values()].at(-1) ?? [];
    return stack.map((id) => this.state.views.get(id) as Json);
  }

  /** A response_url served by this fake, for slash command and interaction payloads. */
  newResponseUrl(): string {
    return this.responseUrls.create(this.baseUrlValue);
  }

  get responseUrlPosts(): readonly ResponseUrlPost[] {
    return this.responseUrls.posts.items;
  }

  waitForResponseUrlPost(predicate: (post: ResponseUrlPost) => boolean = () => true, timeoutMs = DEFAULT_WAIT_MS): Promise<ResponseUrlPost> {
    return this.responseUrls.posts.waitFor(predicate, timeoutMs, "a response_url post");
  }

  async close(): Promise<void> {
    await this.socketMode.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve, reject) => this.server.close((error) => (error ? reject(error) : resolve())));
  }

  private freshState(): WorkspaceState {
    const state = new WorkspaceState(this.identity);
    for (const user of this.seedUsers) state.addUser(user);
    for (const channel of this.seedChannels) state.addChannel(channel);
    for (const group of this.seedUserGroups) state.addUserGroup(group);
    return state;
  }

  private async route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? "/", this.baseUrlValue);
    const raw = await readRawBody(request);
    if (url.pathname.startsWith(API_PATH_PREFIX)) {
      return this.answerApiCall(url.pathname.slice(API_PATH_PREFIX.length), request, raw, response);
    }
    if (url.pathname.startsWith(UPLOAD_PATH_PREFIX)) {
      return this.acceptUpload(url.pathname.slice(UPLOAD_PATH_PREFIX.length), request, raw, response);
    }
    if (url.pathname.startsWith(FILES_PRI_PATH_PREFIX)) return this.servePrivateFile(url, request, response);
    if (url.pathname === LOGIN_PATH) {
      response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      response.end("<!DOCTYPE html><html><body>Sign in to your workspace</body></html>");
      return;
    }
    if (url.pathname.startsWith(RESPONSE_URL_PATH_PREFIX)) {
      const id = url.pathname.slice(RESPONSE_URL_PATH_PREFIX.length);
      const answer = this.responseUrls.accept(url.toString(), id, raw.toString("utf8"));
      response.writeHead(answer.status, { "content-type": "text/plain" });
      response.end(answer.text);
      return;
    }
    sendJson(response, 404, { ok: false, error: "not_found" });
  }

  private async answerApiCall(method: string, request: IncomingMessage, raw: Buffer, response: ServerResponse): Promise<void> {
    const at = Date.now();
    let args: Record<string, unknown>;
    try {
      args = parseApiArgs(request, raw);
    } catch {
      return this.finishCall({ method, args: {}, at, httpStatus: 200, response: { ok: false, error: "invalid_json" } }, response);
    }
    if (this.faults.latencyMs > 0) await sleep(this.faults.latencyMs);
    const retryAfter = this.faults.takeRateLimit(method);
    if (retryAfter !== undefined) {
      const call = { method, args, at, httpStatus: 429, response: { ok: false, error: "ratelimited" } };
      return this.finishCall(call, response, { "retry-after": String(retryAfter) });
    }
    const hold = this.holds.take(method, args);
    if (hold) return this.answerWhenReleased(hold, { method, args, at }, request, response);
    const body = await this.runMethod(method, args, request);
    return this.finishCall({ method, args, at, httpStatus: 200, response: body }, response);
  }

  private async answerWhenReleased(hold: Hold, call: Pick<FakeSlackCall, "method" | "args" | "at">, request: IncomingMessage, response: ServerResponse): Promise<void> {
    let body = hold.applied ? await this.runMethod(call.method, call.args, request) : undefined;
    const appGone = new Promise<boolean>((resolve) => response.once("close", () => resolve(true)));
    const released = new Promise<boolean>((resolve) => hold.arrived({ ...call, response: body, release: () => resolve(false) }));
    if (await Promise.race([appGone, released])) {
      // What Slack carried out stays done, although the app never heard of it.
      if (body) this.callLog.push({ ...call, httpStatus: 200, response: body });
      return;
    }
    body ??= await this.runMethod(call.method, call.args, request);
    this.finishCall({ ...call, httpStatus: 200, response: body }, response);
  }

  private async runMethod(method: string, args: Json, request: IncomingMessage): Promise<Json> {
    const authError = this.authError(request.headers.authorization, method);
    if (authError) return { ok: false, error: authError };
    const injected = this.faults.takeError(method);
    if (injected) return { ok: false, error: injected };
    const handler = webApiMethods[method];
    if (!handler) return { ok: false, error: "unknown_method", req_method: method };
    try {
      return await handler(args, { state: this.state, baseUrl: this.baseUrlValue, socketMode: this.socketMode });
    } catch (error) {
      if (error instanceof SlackApiError) return { ok: false, error: error.code, ...error.extra };
      throw error;
    }
  }

  private authError(authorization: string | undefined, method: string): string | undefined {
    const token = /^Bearer ((?:xox|xapp-)\S+)$/.exec(authorization ?? "")?.[1];
    if (!token) return "not_authed";
    // The app-level token opens Socket Mode connections and nothing else; no other token may.
    if (token.startsWith("xapp-") !== (method === "apps.connections.open")) return "not_allowed_token_type";
    const valid = this.options.tokens ? this.options.tokens.includes(token) : /^(xoxb|xapp)-/.test(token);
    return valid ? undefined : "invalid_auth";
  }

  private finishCall(call: FakeSlackCall, response: ServerResponse, headers: Record<string, string> = {}): void {
    sendJson(response, call.httpStatus, call.response, headers);
    this.callLog.push(call);
  }

  /**
   * A shared file's bytes at its url_private: only with a valid bot token in the Authorization header. Without one,
   * Slack redirects to its sign-in page (an HTML page, not the file); an unknown file is a 404.
   */
  private servePrivateFile(url: URL, request: IncomingMessage, response: ServerResponse): void {
    if (this.authError(request.headers.authorization, "files.info")) {
      response.writeHead(302, { location: `${this.baseUrlValue}${LOGIN_PATH}?redir=${encodeURIComponent(url.pathname)}` });
      response.end();
      return;
    }
    const id = /^[^/]+-([A-Z0-9]+)\//.exec(url.pathname.slice(FILES_PRI_PATH_PREFIX.length))?.[1];
    const file = id ? this.state.sharedFiles.get(id) : undefined;
    if (!file) {
      response.writeHead(404, { "content-type": "text/plain" });
      response.end("file_not_found");
      return;
    }
    response.writeHead(200, { "content-type": file.mimetype, "content-length": String(file.bytes.length) });
    response.end(file.bytes);
  }

  /** The id of the bot's direct-message channel with this person (D…), opened as Slack opens it. */
  dmChannelWith(userId: string): string {
    return this.state.directMessageChannelFor([userId]).id;
  }

  /** A person shares a file (in a DM with the bot, say): files.info and url_private know it; returns its file object. */
  shareFile(input: SharedFileInput): Json {
    const file = { ...input, id: this.state.ids.next("F"), bytes: Buffer.isBuffer(input.content) ? input.content : Buffer.from(input.content, "utf8") };
    const { content: _content, ...stored } = file;
    this.state.sharedFiles.set(file.id, stored);
    return fileObject(stored, { state: this.state, baseUrl: this.baseUrlValue });
  }

  private async acceptUpload(fileId: string, request: IncomingMessage, raw: Buffer, response: ServerResponse): Promise<void> {
    const pending = this.state.pendingUploads.get(fileId);
    if (!pending) {
      response.writeHead(404, { "content-type": "text/plain" });
      response.end("file_not_found");
      return;
    }
    pending.bytes = await parseUploadBytes(request, raw);
    response.writeHead(200, { "content-type": "text/plain" });
    response.end(`OK - ${pending.bytes.length}`);
  }
}

export async function startFakeSlack(options: FakeSlackOptions = {}): Promise<FakeSlack> {
  const fake = new FakeSlack(options);
  await fake.listen();
  return fake;
}
