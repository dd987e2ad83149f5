import { Writable } from "node:stream";
import { startAims, type RunningAims } from "../../src/app/app.js";
import { loadConfig } from "../../src/config/config.js";
import type { Clock } from "../../src/core/clock.js";
import { createLogger } from "../../src/log/logger.js";
import { startFakeSlack, type FakeSlack } from "./fake-slack/index.js";
import { startFakeBotConnector, type ConnectorCall, type FakeBotConnector } from "./fake-bot-connector/index.js";
import {
  botInstalled,
  cardActionInvoke,
  fileConsentInvoke,
  messageActionInvoke,
  messageActivity,
  TEAMS_APPROVALS_CONVERSATION,
  TEAMS_APPROVERS,
  type ConversationInput,
  type TeamsPerson,
} from "./teams-activities.js";
import {
  blockActions,
  eventCallback,
  globalShortcut,
  messageShortcut,
  sendToSlackEndpoint,
  slashCommand,
  viewSubmission,
  type BlockActionsInput,
  type MessageShortcutInput,
  type SendOptions,
  type SlackRequestBody,
  type SubmittedView,
} from "./slack-requests.js";
import { startTcpProxy, type TcpProxy } from "./tcp-proxy.js";
import { createTestDatabase, type TestDatabase } from "./test-database.js";

export const TEST_SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
export const TEST_BOT_TOKEN = "xoxb-1111-2222-testtokenvalue";
export const APPROVALS_CHANNEL = "C0APPROVALS";
export const APPROVERS = ["UAPPROVER1", "UAPPROVER2"] as const;
export const OWNERS = ["UOWNER1"] as const;
export const EMPLOYEE = "UEMPLOYEE1";

export interface TestAims {
  aims: RunningAims;
  fake: FakeSlack;
  /** Sits between the app and its database: `cut()` takes the database away, `restore()` brings it back. */
  databaseLink: TcpProxy;
  /** Every line the app logged, as text, for checks that secrets and identities never reach the logs. */
  logs: () => string;
  slack: SlackDriver;
  /** Drives the Teams endpoint (on when `teams: true`); replies land in `teams.connector`. */
  teams: TeamsDriver;
  /** Stops the app but keeps the database and fake Slack, to start again on the same data. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export interface SlackDriver {
  send(body: SlackRequestBody, options?: Partial<SendOptions>): Promise<Response>;
  command(userId: string, text: string, options?: { responseUrl?: string; triggerId?: string }): Promise<Response>;
  action(input: BlockActionsInput): Promise<Response>;
  submitView(userId: string, view: SubmittedView): Promise<Response>;
  shortcut(userId: string, callbackId: string, triggerId?: string): Promise<Response>;
  messageShortcut(input: MessageShortcutInput): Promise<Response>;
  event(event: Record<string, unknown>): Promise<Response>;
}

export interface TeamsDriver {
  connector: FakeBotConnector;
  /** Posts any activity to POST /api/messages; `authorization` becomes the Authorization header. */
  send(activity: object, options?: { authorization?: string }): Promise<Response>;
  message(from: TeamsPerson, text: string, conversation?: ConversationInput): Promise<Response>;
  /**
   * Sends a message and waits for the bot's answer to it. The bot answers in the turn, as a reply to the message's
   * activity id, so a proactive message that arrives meanwhile (a late notification) is never taken for the answer.
   */
  ask(from: TeamsPerson, text: string, conversation?: ConversationInput): Promise<{ status: number; reply: ConnectorCall }>;
  /** Clicks an Action.Execute button; returns the HTTP status and the invoke response body. */
  invoke(
    from: TeamsPerson,
    input: { verb: string; data: Record<string, unknown>; replyToId?: string; conversation?: ConversationInput },
  ): Promise<{ status: number; body: { statusCode: number; type: string; value: unknown } }>;
  install(by: TeamsPerson, conversation: ConversationInput): Promise<Response>;
  /** Allow or Decline on a file consent card the bot sent. */
  fileConsent(from: TeamsPerson, input: Parameters<typeof fileConsentInvoke>[2]): Promise<Response>;
  /** Picks a message action on a message, or submits its dialog; returns the invoke response body. */
  messageAction(from: TeamsPerson, input: Parameters<typeof messageActionInvoke>[2]): Promise<{ status: number; body: MessageActionAnswer }>;
}

/** What a message action answers: a dialog with a card, or a message. */
export interface MessageActionAnswer {
  task?: { type: "continue"; value: { title: string; card: { contentType: string; content: { body: unknown[]; actions?: { type: string; data: Record<string, unknown> }[] } } } } | { type: "message"; value: string };
}

/** The part of a running app that tests drive Slack through: signed requests in, the fake Slack's calls out. */
export type SlackTestSide = Pick<TestAims, "fake" | "slack">;

/** The settings that turn Slack on against `fake`, with the test approvals channel, approvers and owners. */
export function slackTestEnv(fake: FakeSlack): Record<string, string> {
  return {
    SLACK_BOT_TOKEN: TEST_BOT_TOKEN,
    SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
    SLACK_API_URL: fake.apiUrl,
    SLACK_APPROVALS_CHANNEL: APPROVALS_CHANNEL,
    AIMS_APPROVERS: APPROVERS.join(","),
    AIMS_OWNERS: OWNERS.join(","),
  };
}

/** Sends requests signed as Slack signs them to the Slack endpoint of the app at `appUrl()` (e.g. http://127.0.0.1:3000). */
export function slackDriver(appUrl: () => string): SlackDriver {
  const send = (body: SlackRequestBody, sendOptions: Partial<SendOptions> = {}) =>
    sendToSlackEndpoint(`${appUrl()}/slack/events`, body, { signingSecret: TEST_SIGNING_SECRET, ...sendOptions });
  return {
    send,
    command: (userId, text, extra = {}) => send(slashCommand({ userId, text, ...extra })),
    action: (input) => send(blockActions(input)),
    submitView: (userId, view) => send(viewSubmission({ userId, view })),
    shortcut: (userId, callbackId, triggerId) => send(globalShortcut({ userId, callbackId, triggerId })),
    messageShortcut: (input) => send(messageShortcut(input)),
    event: (event) => send(eventCallback(event)),
  };
}

export interface TestAimsOptions {
  env?: Record<string, string | undefined>;
  clock?: Clock;
  /** Turns Teams on (approvals conversation and Teams approvers from test/support/teams-activities.ts). */
  teams?: boolean;
  /** Slack is on unless this is false. */
  slack?: boolean;
}

/** The real app on a fresh test database, with its Slack Web API calls going to a fake Slack. */
export async function startTestAims(options: TestAimsOptions = {}): Promise<TestAims> {
  const database = await createTestDatabase({ migrated: true });
  const databaseLink = await startTcpProxy(database.url);
  const fake = await startFakeSlack();
  const connector = await startFakeBotConnector();
  let logText = "";
  const logSink = new Writable({
    write(chunk, _encoding, done) {
      logText += chunk.toString();
      done();
    },
  });
  const embedded = !process.env.DATABASE_URL;
  const config = loadConfig({
    NODE_ENV: "test",
    PORT: "0",
    LOG_LEVEL: "debug",
    DATABASE_URL: databaseLink.url,
    DATABASE_POOL_SIZE: embedded ? "1" : "5",
    ...(options.slack === false ? {} : slackTestEnv(fake)),
    ...(options.teams
      ? {
          TEAMS_APPROVALS_CONVERSATION: TEAMS_APPROVALS_CONVERSATION,
          TEAMS_APPROVERS: TEAMS_APPROVERS.map((approver) => approver.aadObjectId).join(","),
        }
      : {}),
    ...options.env,
  });
  const start = () =>
    startAims(config, { logger: createLogger("debug", logSink), clock: options.clock, host: "127.0.0.1" });
  let aims = await start();

  const slack = slackDriver(() => aims.url);

  const sendToTeams = (activity: object, sendOptions: { authorization?: string } = {}) => {
    connector.roster.saw(activity);
    return fetch(`${aims.url}/api/messages`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...(sendOptions.authorization ? { authorization: sendOptions.authorization } : {}),
      },
      body: JSON.stringify(activity),
    });
  };
  const teams: TeamsDriver = {
    connector,
    send: sendToTeams,
    message: (from, text, conversation) => sendToTeams(messageActivity(connector.serviceUrl, from, text, conversation)),
    async ask(from, text, conversation) {
      const activity = messageActivity(connector.serviceUrl, from, text, conversation);
      const response = await sendToTeams(activity);
      const reply = await connector.waitFor("send", (call) => call.activityId === activity.id);
      return { status: response.status, reply };
    },
    async invoke(from, input) {
      const response = await sendToTeams(cardActionInvoke(connector.serviceUrl, from, input));
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : null };
    },
    install: (by, conversation) => sendToTeams(botInstalled(connector.serviceUrl, by, conversation)),
    fileConsent: (from, input) => sendToTeams(fileConsentInvoke(connector.serviceUrl, from, input)),
    async messageAction(from, input) {
      const response = await sendToTeams(messageActionInvoke(connector.serviceUrl, from, input));
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : {} };
    },
  };

  return {
    get aims() {
      return aims;
    },
    fake,
    databaseLink,
    logs: () => logText,
    slack,
    teams,
    async restart() {
      await aims.stop();
      aims = await start();
    },
    async stop() {
      await aims.stop();
      await fake.close();
      await connector.close();
      await databaseLink.close();
      await closeQuietly(database);
    },
  };
}

async function closeQuietly(database: TestDatabase) {
  await database.drop().catch(() => undefined);
}
