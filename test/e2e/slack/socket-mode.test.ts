import { SAVING_TEXT } from "../../../src/channels/slack/conversation/capability-forms.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APPROVALS_CHANNEL, EMPLOYEE, TEST_BOT_TOKEN, startTestAims, type TestAims } from "../../support/aims-harness.js";
import type { FakeSocketMode } from "../../support/fake-slack/socket-mode.js";
import { VALID_REQUEST, requestFormState } from "../../support/request-form-state.js";
import { eventCallback, newTriggerId, slashCommand, viewSubmission } from "../../support/slack-requests.js";

const APP_TOKEN = "xapp-1-A0AIMSAPP-1234567890-0123456789abcdef0123456789abcdef";

let t: TestAims;
let socket: FakeSocketMode;
beforeAll(async () => {
  // Socket Mode needs no signing secret: the app token's connection is the proof that events come from Slack.
  t = await startTestAims({ env: { SLACK_APP_TOKEN: APP_TOKEN, SLACK_SIGNING_SECRET: undefined } });
  socket = t.fake.socketMode;
});
afterAll(async () => {
  await t?.stop();
});

async function openRequestModal() {
  const triggerId = newTriggerId();
  const ack = await socket.deliver(slashCommand({ userId: EMPLOYEE, text: "request", triggerId }));
  expect(ack.payload).toEqual({});
  const opened = await t.fake.waitFor("views.open", (call) => call.args.trigger_id === triggerId);
  expect(opened.response.ok).toBe(true);
  return opened.response.view as { id: string; callback_id: string; private_metadata: string };
}

describe("Slack over Socket Mode (SLACK_APP_TOKEN set)", () => {
  it("connects with the app-level token through SLACK_API_URL and does not serve the HTTP endpoint", async () => {
    expect(t.aims.slack?.mode).toBe("socket");
    // The fake answers apps.connections.open only for an xapp- token, so an ok answer means the app token was sent.
    const opens = t.fake.callsTo("apps.connections.open");
    expect(opens).toHaveLength(1);
    expect(opens[0].response).toMatchObject({ ok: true, url: expect.stringMatching(/^ws:\/\/127\.0\.0\.1:\d+\/link\/\?ticket=/) });
    expect(socket.openConnections).toBe(1);

    expect((await fetch(`${t.aims.url}/healthz`)).status).toBe(200);
    // Correctly signed, so a 404 means the route is absent, not that the request was refused.
    expect((await t.slack.command(EMPLOYEE, "help")).status).toBe(404);
  });

  it("only an app-level token opens a connection, and it opens nothing else", async () => {
    const call = (method: string, token: string) =>
      fetch(`${t.fake.apiUrl}${method}`, { method: "POST", headers: { authorization: `Bearer ${token}` } }).then((r) => r.json());
    expect(await call("apps.connections.open", TEST_BOT_TOKEN)).toMatchObject({ ok: false, error: "not_allowed_token_type" });
    expect(await call("auth.test", APP_TOKEN)).toMatchObject({ ok: false, error: "not_allowed_token_type" });
  });

  it("acknowledges /aims help within 3 seconds and answers on the response_url", async () => {
    const responseUrl = t.fake.newResponseUrl();
    const ack = await socket.deliver(slashCommand({ userId: EMPLOYEE, text: "help", responseUrl }), 3000);
    expect(ack.payload).toEqual({});
    const post = await t.fake.waitForResponseUrlPost((p) => p.url === responseUrl);
    const body = post.body as { response_type: string; text: string };
    expect(body.response_type).toBe("ephemeral");
    expect(body.text).toMatch(/^\*AIMS\* helps us use AI responsibly/);
    expect(body.text).toContain("/aims request");
  });

  it("opens the request modal on /aims request and files a valid submission for approval", async () => {
    const view = await openRequestModal();
    const toolName = "Socket Mode Transcriber";
    const submission = viewSubmission({
      userId: EMPLOYEE,
      view: { ...view, state: { values: requestFormState({ ...VALID_REQUEST, toolName }) } },
    });
    // As in test/support/request-steps.ts: on a busy machine saving can outlast SLACK_FORM_SAVE_WAIT_MS; the modal
    // then says "saving…" and shows the answer once saved.
    const ack = await socket.deliver(submission);
    if (JSON.stringify(ack.payload).includes(SAVING_TEXT)) await t.fake.waitFor("views.update", (call) => call.args.view_id === view.id, 30_000);
    // A bare ack closes the modal; an errors payload would keep it open.
    else expect(ack.payload).toEqual({});

    const approval = await t.fake.waitFor(
      "chat.postMessage",
      (call) => call.args.channel === APPROVALS_CHANNEL && String(call.args.text).includes(toolName),
    );
    expect(approval.response.ok).toBe(true);
    const reference = /REQ-\d{4}/.exec(String(approval.args.text))![0];
    const saved = await t.aims.core.prisma.aiToolRequest.findUniqueOrThrow({ where: { reference } });
    expect(saved).toMatchObject({ status: "pending", toolName });
  });

  it("keeps the modal open with field errors in the ack when the input is invalid, saving nothing", async () => {
    const toolName = "Socket Mode Invalid Tool";
    const view = await openRequestModal();
    const ack = await socket.deliver(
      viewSubmission({
        userId: EMPLOYEE,
        view: { ...view, state: { values: requestFormState({ ...VALID_REQUEST, toolName, url: "ftp://example.com", purpose: "short" }) } },
      }),
    );
    const payload = ack.payload as { response_action: string; errors: Record<string, string> };
    expect(payload.response_action).toBe("errors");
    expect(Object.keys(payload.errors).sort()).toEqual(["purpose", "url"]);
    expect(payload.errors.purpose).toBe("Purpose needs at least 10 characters");
    expect(await t.aims.core.prisma.aiToolRequest.count({ where: { toolName } })).toBe(0);
  });

  it("receives Events API events: App Home opened publishes the person's home", async () => {
    const ack = await socket.deliver(eventCallback({ type: "app_home_opened", user: EMPLOYEE, channel: "D0HOME", tab: "home" }));
    expect(ack.payload).toEqual({});
    const home = await t.fake.waitFor("views.publish", (call) => call.args.user_id === EMPLOYEE);
    expect(home.response.ok).toBe(true);
    expect(JSON.stringify((home.args.view as { blocks: unknown }).blocks)).toContain("My requests");
  });

  it("closes the WebSocket when the app stops", async () => {
    await t.aims.stop();
    await socket.waitUntilAllClosed();
    expect(socket.openConnections).toBe(0);
    expect(t.fake.callsTo("apps.connections.open").filter((call) => call.response.ok)).toHaveLength(1);
  });
});
