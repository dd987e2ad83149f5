// Proves the fake and the request helpers work with a real Bolt app, the way the end-to-end suites use them.
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { App, LogLevel } from "@slack/bolt";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  blockActions,
  eventCallback,
  globalShortcut,
  messageShortcut,
  sendToSlackEndpoint,
  slashCommand,
  stateValues,
  urlVerification,
  viewClosed,
  viewSubmission,
} from "../slack-requests.js";
import { type FakeSlack, startFakeSlack } from "./index.js";

const SIGNING_SECRET = "test-signing-secret";

let fake: FakeSlack;
let app: App;
let eventsUrl: string;

beforeAll(async () => {
  fake = await startFakeSlack();
  app = new App({
    token: "xoxb-bolt-test",
    signingSecret: SIGNING_SECRET,
    logLevel: LogLevel.ERROR,
    clientOptions: { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } },
  });
  app.command("/aims", async ({ ack, body, client, respond }) => {
    await ack();
    await client.views.open({
      trigger_id: body.trigger_id,
      view: {
        type: "modal",
        callback_id: "new_risk",
        title: { type: "plain_text", text: "New risk" },
        submit: { type: "plain_text", text: "Save" },
        blocks: [
          {
            type: "input",
            block_id: "risk",
            label: { type: "plain_text", text: "Title" },
            element: { type: "plain_text_input", action_id: "title" },
          },
        ],
      },
    });
    await respond({ text: "Opening the form", response_type: "ephemeral" });
  });
  app.view("new_risk", async ({ ack, view, client, body }) => {
    await ack();
    await client.chat.postMessage({ channel: body.user.id, text: `Saved: ${view.state.values.risk.title.value}` });
  });
  app.action("approve", async ({ ack, respond }) => {
    await ack();
    await respond({ replace_original: true, text: "Approved" });
  });
  app.shortcut("report_incident", async ({ ack, shortcut, client }) => {
    await ack();
    await client.chat.postMessage({ channel: shortcut.user.id, text: `shortcut ${shortcut.type}` });
  });
  app.view({ callback_id: "new_risk", type: "view_closed" }, async ({ ack, client, body }) => {
    await ack();
    await client.chat.postMessage({ channel: body.user.id, text: "closed" });
  });
  app.event("app_mention", async ({ event, client }) => {
    await client.chat.postMessage({ channel: event.channel, text: `mentioned by ${event.user}` });
  });
  const server = (await app.start(0)) as Server;
  eventsUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
});

beforeEach(() => {
  fake.reset();
});

afterAll(async () => {
  await app?.stop();
  await fake?.close();
});

describe("a Bolt app against the fake", () => {
  it("handles a slash command, a modal submission and a button click", async () => {
    const responseUrl = fake.newResponseUrl();
    const command = await sendToSlackEndpoint(eventsUrl, slashCommand({ text: "", userId: "U1", responseUrl }), {
      signingSecret: SIGNING_SECRET,
    });
    expect(command.status).toBe(200);
    const opened = await fake.waitFor("views.open");
    expect((opened.args.view as { callback_id: string }).callback_id).toBe("new_risk");
    expect((await fake.waitForResponseUrlPost()).body).toMatchObject({ text: "Opening the form" });

    const submission = viewSubmission({
      userId: "U1",
      view: { callback_id: "new_risk", state: { values: stateValues({ risk: { title: "Model drift" } }) } },
    });
    expect((await sendToSlackEndpoint(eventsUrl, submission, { signingSecret: SIGNING_SECRET })).status).toBe(200);
    const posted = await fake.waitFor("chat.postMessage");
    expect(posted.args.text).toBe("Saved: Model drift");
    expect(fake.messages(posted.response.channel as string).map((message) => message.text)).toEqual(["Saved: Model drift"]);

    const clickUrl = fake.newResponseUrl();
    const click = blockActions({ userId: "U1", actions: [{ action_id: "approve", block_id: "b", value: "1" }], responseUrl: clickUrl });
    expect((await sendToSlackEndpoint(eventsUrl, click, { signingSecret: SIGNING_SECRET })).status).toBe(200);
    expect((await fake.waitForResponseUrlPost((post) => post.url === clickUrl)).body).toMatchObject({ text: "Approved" });
  });

  it("routes shortcuts, closed views, events and URL verification", async () => {
    const send = (body: Parameters<typeof sendToSlackEndpoint>[1]) => sendToSlackEndpoint(eventsUrl, body, { signingSecret: SIGNING_SECRET });
    const verification = await send(urlVerification("challenge-123"));
    expect(await verification.json()).toEqual({ challenge: "challenge-123" });

    expect((await send(globalShortcut({ callbackId: "report_incident", userId: "U2" }))).status).toBe(200);
    const message = { ts: "1700000000.000100", text: "model output", user: "U3" };
    const shortcut = messageShortcut({ callbackId: "report_incident", userId: "U2", channelId: "C1", message });
    expect((await send(shortcut)).status).toBe(200);
    expect((await send(viewClosed({ userId: "U2", view: { callback_id: "new_risk", state: { values: {} } } }))).status).toBe(200);
    expect((await send(eventCallback({ type: "app_mention", user: "U5", text: "<@U0AIMSBOT> hi", channel: "C7", ts: "1.2" }))).status).toBe(200);

    await fake.waitForCount("chat.postMessage", 4);
    const texts = fake.callsTo("chat.postMessage").map((call) => call.args.text);
    expect(texts.sort()).toEqual(["closed", "mentioned by U5", "shortcut message_action", "shortcut shortcut"]);
  });

  it("is refused by Bolt when the signature is forged or stale", async () => {
    const body = slashCommand({ text: "", userId: "U1" });
    const forged = await sendToSlackEndpoint(eventsUrl, body, { signingSecret: SIGNING_SECRET, signature: "v0=deadbeef" });
    expect(forged.status).toBe(401);
    const stale = await sendToSlackEndpoint(eventsUrl, body, {
      signingSecret: SIGNING_SECRET,
      timestampSeconds: Math.floor(Date.now() / 1000) - 6 * 60,
    });
    expect(stale.status).toBe(401);
  });
});
