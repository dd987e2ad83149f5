import { createHmac } from "node:crypto";
import { isValidSlackRequest } from "@slack/bolt";
import { ErrorCode, type KnownBlock, LogLevel, type Logger, type SectionBlock, type View, WebClient } from "@slack/web-api";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { FAKE_WORKSPACE, type FakeSlack, startFakeSlack } from "./fake-slack/index.js";
import {
  blockActions,
  newTriggerId,
  sendToSlackEndpoint,
  signSlackRequest,
  slashCommand,
  stateValues,
  viewSubmission,
} from "./slack-requests.js";

const TOKEN = "xoxb-fake-token";

let fake: FakeSlack;
let client: WebClient;

// WebClient logs the fake's "[ERROR] ..." response messages; the assertions cover them instead.
const silentLogger: Logger = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
  setLevel: () => {},
  getLevel: () => LogLevel.ERROR,
  setName: () => {},
};

function clientFor(token: string | undefined, options: { retries?: number } = {}): WebClient {
  return new WebClient(token, {
    slackApiUrl: fake.apiUrl,
    logger: silentLogger,
    retryConfig: { retries: options.retries ?? 0 },
    rejectRateLimitedCalls: false,
  });
}

function section(text: string, blockId?: string): SectionBlock {
  return { type: "section", ...(blockId ? { block_id: blockId } : {}), text: { type: "mrkdwn", text } };
}

function modal(title: string, blocks: KnownBlock[] = [section("Body")]): View {
  return { type: "modal", callback_id: "test_modal", title: { type: "plain_text", text: title }, blocks };
}

/** The Slack platform error a WebClient call rejected with. */
async function platformError(call: Promise<unknown>): Promise<{ code: string; data: Record<string, unknown> }> {
  const error = (await call.then(
    () => {
      throw new Error("expected the call to be refused");
    },
    (refusal: unknown) => refusal,
  )) as { code: string; data: Record<string, unknown> };
  expect(error.code).toBe(ErrorCode.PlatformError);
  return error;
}

beforeAll(async () => {
  fake = await startFakeSlack();
  client = clientFor(TOKEN);
});

afterAll(async () => {
  await fake.close();
});

beforeEach(() => {
  fake.reset();
});

describe("fake Slack Web API", () => {
  it("exposes an api URL ending in /api/", () => {
    expect(fake.apiUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/$/);
  });

  it("refuses calls without a bearer token and with unknown tokens", async () => {
    expect((await platformError(clientFor(undefined).auth.test())).data.error).toBe("not_authed");
    expect((await platformError(clientFor("xoxp-user").auth.test())).data.error).toBe("invalid_auth");
  });

  it("round-trips chat.postMessage and chat.update, recording decoded blocks", async () => {
    const first = await client.chat.postMessage({ channel: "C1", text: "hello", blocks: [section("hello", "b1")] });
    const second = await client.chat.postMessage({ channel: "C1", text: "again" });
    expect(first.ts).toMatch(/^\d{10}\.\d{6}$/);
    expect(Number(second.ts)).toBeGreaterThan(Number(first.ts));
    expect(first.message?.text).toBe("hello");

    const updated = await client.chat.update({ channel: "C1", ts: first.ts as string, text: "edited", blocks: [section("edited")] });
    expect(updated.ts).toBe(first.ts);
    expect(fake.messages("C1").map((message) => message.text)).toEqual(["edited", "again"]);
    const blocksOnly = await client.chat.update({ channel: "C1", ts: second.ts as string, blocks: [section("new body")] });
    expect(blocksOnly.message).toMatchObject({ text: "again", blocks: [section("new body")] });

    const post = fake.callsTo("chat.postMessage")[0];
    expect(post.args.blocks).toEqual([section("hello", "b1")]);
    expect((await fake.waitFor("chat.update")).args.text).toBe("edited");

    const missing = await platformError(client.chat.update({ channel: "C1", ts: "1.000001", text: "x" }));
    expect(missing.data.error).toBe("message_not_found");
  });

  it("refuses a 51-block message with Slack's invalid_blocks shape", async () => {
    const blocks = Array.from({ length: 51 }, (_, index) => section(`row ${index}`));
    const { data } = await platformError(client.chat.postMessage({ channel: "C1", text: "too many", blocks }));
    expect(data.error).toBe("invalid_blocks");
    expect(data.errors).toEqual(["must be less than 51 items [json-pointer:/blocks]"]);
    expect((data.response_metadata as { messages: string[] }).messages).toEqual([
      "[ERROR] must be less than 51 items [json-pointer:/blocks]",
    ]);
    await expect(client.chat.postMessage({ channel: "C1", text: "ok", blocks: blocks.slice(0, 50) })).resolves.toMatchObject({ ok: true });
  });

  it("refuses a message with neither text nor blocks and truncates very long text", async () => {
    expect((await platformError(client.chat.postMessage({ channel: "C1", text: "" }))).data.error).toBe("no_text");
    const long = await client.chat.postMessage({ channel: "C1", text: "x".repeat(40_010) });
    expect(long.message?.text).toHaveLength(40_000);
  });

  it("refuses a modal title of 25 characters but accepts 24", async () => {
    const { data } = await platformError(client.views.open({ trigger_id: newTriggerId(), view: modal("x".repeat(25)) }));
    expect(data.error).toBe("invalid_arguments");
    expect((data.response_metadata as { messages: string[] }).messages).toEqual([
      "[ERROR] must be less than 25 characters [json-pointer:/view/title/text]",
    ]);
    const opened = await client.views.open({ trigger_id: newTriggerId(), view: modal("x".repeat(24)) });
    expect(opened.view?.id).toMatch(/^V/);
    expect(opened.view?.hash).toBeTruthy();
  });

  it("accepts each trigger_id once", async () => {
    const triggerId = newTriggerId();
    await client.views.open({ trigger_id: triggerId, view: modal("First") });
    const { data } = await platformError(client.views.open({ trigger_id: triggerId, view: modal("Second") }));
    expect(data.error).toBe("expired_trigger_id");
  });

  it("limits the modal stack to three views", async () => {
    const root = await client.views.open({ trigger_id: newTriggerId(), view: modal("Root") });
    await client.views.push({ trigger_id: newTriggerId(), view: modal("Second") });
    const third = await client.views.push({ trigger_id: newTriggerId(), view: modal("Third") });
    expect(third.view?.root_view_id).toBe(root.view?.id);
    const { data } = await platformError(client.views.push({ trigger_id: newTriggerId(), view: modal("Fourth") }));
    expect(data.error).toBe("push_limit_reached");
    expect(fake.currentModalStack().map((view) => (view.title as { text: string }).text)).toEqual(["Root", "Second", "Third"]);
  });

  it("updates views by id and refuses stale hashes", async () => {
    const opened = await client.views.open({ trigger_id: newTriggerId(), view: modal("Before") });
    const viewId = opened.view?.id as string;
    const staleHash = opened.view?.hash as string;
    const updated = await client.views.update({ view_id: viewId, hash: staleHash, view: modal("After") });
    expect(updated.view?.id).toBe(viewId);
    const { data } = await platformError(client.views.update({ view_id: viewId, hash: staleHash, view: modal("Again") }));
    expect(data.error).toBe("hash_conflict");
    expect((await platformError(client.views.update({ view_id: "VNOPE", view: modal("x") }))).data.error).toBe("not_found");
  });

  it("answers HTTP 429 with Retry-After, which WebClient honours", async () => {
    const patient = clientFor(TOKEN, { retries: 1 });
    fake.rateLimit("chat.postMessage", { times: 1, retryAfterSeconds: 1 });
    const startedAt = Date.now();
    const result = await patient.chat.postMessage({ channel: "C1", text: "eventually" });
    expect(result.ok).toBe(true);
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(1000);
    expect(fake.callsTo("chat.postMessage").map((call) => call.httpStatus)).toEqual([429, 200]);
  });

  it("injects a one-off platform error", async () => {
    fake.failNext("users.info", "ratelimited");
    fake.addUser({ id: "U1", name: "ada", real_name: "Ada Lovelace", email: "ada@example.com" });
    expect((await platformError(client.users.info({ user: "U1" }))).data.error).toBe("ratelimited");
    const info = await client.users.info({ user: "U1" });
    expect(info.user?.tz).toBe("Europe/London");
    expect((await client.users.lookupByEmail({ email: "ada@example.com" })).user?.id).toBe("U1");
  });

  it("records files.uploadV2 through the upload URL", async () => {
    const result = await client.filesUploadV2({
      channel_id: "C1",
      filename: "evidence.txt",
      title: "Evidence",
      content: "audit trail",
      initial_comment: "attached",
    });
    expect(result.ok).toBe(true);
    expect(fake.uploads).toHaveLength(1);
    const [upload] = fake.uploads;
    expect(upload).toMatchObject({ filename: "evidence.txt", title: "Evidence", channel_id: "C1", initial_comment: "attached" });
    expect(upload.bytes.toString("utf8")).toBe("audit trail");
    expect(fake.calls.map((call) => call.method)).toEqual(["files.getUploadURLExternal", "files.completeUploadExternal"]);
  });

  it("enforces Slack's channel naming rules", async () => {
    const created = await client.conversations.create({ name: "aims-incident_1" });
    expect(created.channel?.id).toMatch(/^C/);
    expect((await platformError(client.conversations.create({ name: "aims-incident_1" }))).data.error).toBe("name_taken");
    expect((await platformError(client.conversations.create({ name: "Has Spaces" }))).data.error).toBe("invalid_name_specials");
    expect((await platformError(client.conversations.create({ name: "a".repeat(81) }))).data.error).toBe("invalid_name_maxlength");
  });

  it("gives each user one stable direct-message channel", async () => {
    fake.addUser({ id: "U2", name: "grace" });
    const first = await client.conversations.open({ users: "U2" });
    const second = await client.conversations.open({ users: "U2" });
    expect(first.channel?.id).toMatch(/^D/);
    expect(second.channel?.id).toBe(first.channel?.id);
  });

  it("waitFor rejects with the calls it saw", async () => {
    await client.auth.test();
    await expect(fake.waitFor("chat.postMessage", undefined, 50)).rejects.toThrow(/auth\.test/);
  });

  it("serves response URLs for at most five posts", async () => {
    const url = fake.newResponseUrl();
    const post = () => fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ text: "hi" }) });
    for (let use = 0; use < 5; use += 1) expect((await post()).status).toBe(200);
    const sixth = await post();
    expect(sixth.status).toBe(404);
    expect(await sixth.text()).toBe("used_url");
    expect(fake.responseUrlPosts).toHaveLength(5);
    expect(fake.responseUrlPosts[0].body).toEqual({ text: "hi" });
  });
});

describe("fake Slack Web API, other methods", () => {
  const DAY_SECONDS = 24 * 60 * 60;
  const now = () => Math.floor(Date.now() / 1000);

  it("schedules messages up to 120 days ahead and not in the past", async () => {
    const scheduled = await client.chat.scheduleMessage({ channel: "C1", text: "later", post_at: now() + 60 });
    expect(scheduled.scheduled_message_id).toMatch(/^Q/);
    expect(fake.scheduledMessages).toHaveLength(1);
    const tooFar = client.chat.scheduleMessage({ channel: "C1", text: "x", post_at: now() + 121 * DAY_SECONDS });
    expect((await platformError(tooFar)).data.error).toBe("time_too_far");
    const past = client.chat.scheduleMessage({ channel: "C1", text: "x", post_at: now() - 60 });
    expect((await platformError(past)).data.error).toBe("time_in_past");
  });

  it("posts ephemerals, links, pins and deletes messages", async () => {
    expect((await client.chat.postEphemeral({ channel: "C1", user: "U1", text: "psst" })).message_ts).toMatch(/^\d+\.\d+$/);
    fake.addChannel({ id: "CWITHOUTBOT", name: "elsewhere", members: ["U1"] });
    fake.addChannel({ id: "CWITHBOT", name: "together", members: [FAKE_WORKSPACE.botUserId, "U1"] });
    expect((await platformError(client.chat.postEphemeral({ channel: "CWITHOUTBOT", user: "U1", text: "psst" }))).data.error).toBe("not_in_channel");
    expect((await platformError(client.chat.postEphemeral({ channel: "CWITHBOT", user: "U2", text: "psst" }))).data.error).toBe("user_not_in_channel");
    expect((await platformError(client.chat.postEphemeral({ channel: "U1", user: "U1", text: "psst" }))).data.error).toBe("channel_not_found");
    expect((await client.chat.postEphemeral({ channel: "CWITHBOT", user: "U1", text: "psst" })).ok).toBe(true);
    expect(fake.messages("CWITHBOT")).toEqual([]);
    const { ts } = await client.chat.postMessage({ channel: "C1", text: "pin me" });
    const link = await client.chat.getPermalink({ channel: "C1", message_ts: ts as string });
    expect(link.permalink).toBe(`https://aims-test.slack.com/archives/C1/p${(ts as string).replace(".", "")}`);
    await client.pins.add({ channel: "C1", timestamp: ts as string });
    expect(fake.messages("C1")[0].pinned).toBe(true);
    expect((await platformError(client.pins.add({ channel: "C1", timestamp: ts as string }))).data.error).toBe("already_pinned");
    await client.chat.delete({ channel: "C1", ts: ts as string });
    expect(fake.messages("C1")).toEqual([]);
    expect((await platformError(client.chat.delete({ channel: "C1", ts: ts as string }))).data.error).toBe("message_not_found");
  });

  it("posts to a user id in the bot's direct-message channel", async () => {
    fake.addUser({ id: "U3", name: "alan" });
    const posted = await client.chat.postMessage({ channel: "U3", text: "hi" });
    const opened = await client.conversations.open({ users: "U3" });
    expect(posted.channel).toBe(opened.channel?.id);
    expect(fake.messages("U3").map((message) => message.text)).toEqual(["hi"]);
  });

  it("publishes home tabs per user and requires user_id", async () => {
    const home = { type: "home" as const, blocks: [section("Welcome")] };
    const first = await client.views.publish({ user_id: "U1", view: home });
    const second = await client.views.publish({ user_id: "U1", view: home });
    expect(second.view?.id).toBe(first.view?.id);
    expect(fake.homeView("U1")?.hash).toBe(second.view?.hash);
    expect((await platformError(client.views.publish({ user_id: "", view: home }))).data.error).toBe("invalid_arguments");
  });

  it("invites users to channels it knows and describes them", async () => {
    fake.addUser({ id: "U4", name: "barbara" });
    const { channel } = await client.conversations.create({ name: "aims-review" });
    await client.conversations.invite({ channel: channel?.id as string, users: "U4" });
    const again = client.conversations.invite({ channel: channel?.id as string, users: "U4" });
    expect((await platformError(again)).data.error).toBe("already_in_channel");
    const info = await client.conversations.info({ channel: channel?.id as string });
    expect(info.channel).toMatchObject({ name: "aims-review", num_members: 2 });
    expect((await platformError(client.conversations.info({ channel: "CNOPE" }))).data.error).toBe("channel_not_found");
  });

  it("answers unknown users and unknown methods like Slack", async () => {
    expect((await platformError(client.users.info({ user: "UNOPE" }))).data.error).toBe("user_not_found");
    expect((await platformError(client.users.lookupByEmail({ email: "nobody@example.com" }))).data.error).toBe("users_not_found");
    expect((await platformError(client.apiCall("nonsense.method"))).data.error).toBe("unknown_method");
  });

  it("answers users.info with email, deleted and is_bot as Slack does", async () => {
    fake.addUser({ id: "UDIRECTORY1", name: "dee", real_name: "Dee Rector", email: "dee@example.org" });
    expect((await client.users.info({ user: "UDIRECTORY1" })).user).toMatchObject({
      id: "UDIRECTORY1",
      real_name: "Dee Rector",
      deleted: false,
      is_bot: false,
      profile: { email: "dee@example.org" },
    });
    fake.updateUser("UDIRECTORY1", { deleted: true, email: "dee.rector@example.org" });
    expect((await client.users.info({ user: "UDIRECTORY1" })).user).toMatchObject({ deleted: true, profile: { email: "dee.rector@example.org" } });
    expect((await client.users.info({ user: FAKE_WORKSPACE.botUserId })).user).toMatchObject({ is_bot: true });
  });

  it("lists user groups and their members, refusing unknown and disabled ones with no_such_subteam", async () => {
    fake.addUserGroup({ id: "SAPPROVE1", handle: "ai-approvers", name: "AI approvers", users: ["U1", "U2"] });
    fake.addUserGroup({ id: "SOLDTEAM1", handle: "old-team", name: "Old team", users: ["U3"], disabled: true });
    const listed = await client.usergroups.list({ include_users: true });
    expect(listed.usergroups?.map((group) => [group.id, group.handle, group.users])).toEqual([["SAPPROVE1", "ai-approvers", ["U1", "U2"]]]);
    expect((await client.usergroups.list({ include_disabled: true })).usergroups?.map((group) => group.id)).toEqual(["SAPPROVE1", "SOLDTEAM1"]);
    expect((await client.usergroups.users.list({ usergroup: "SAPPROVE1" })).users).toEqual(["U1", "U2"]);
    fake.setUserGroupMembers("SAPPROVE1", ["U2"]);
    expect((await client.usergroups.users.list({ usergroup: "SAPPROVE1" })).users).toEqual(["U2"]);
    expect((await platformError(client.usergroups.users.list({ usergroup: "SNOPE" }))).data.error).toBe("no_such_subteam");
    expect((await platformError(client.usergroups.users.list({ usergroup: "SOLDTEAM1" }))).data.error).toBe("no_such_subteam");
    expect((await platformError(client.apiCall("usergroups.users.list", {}))).data.error).toBe("invalid_arguments");
  });

  it("rate limits usergroups.users.list with Retry-After when told to", async () => {
    fake.addUserGroup({ id: "SLIMITED1", handle: "limited", name: "Limited", users: ["U9"] });
    fake.rateLimit("usergroups.users.list", { times: 1, retryAfterSeconds: 1 });
    const startedAt = Date.now();
    expect((await clientFor(TOKEN, { retries: 1 }).usergroups.users.list({ usergroup: "SLIMITED1" })).users).toEqual(["U9"]);
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(1000);
    expect(fake.callsTo("usergroups.users.list").map((call) => call.httpStatus)).toEqual([429, 200]);
  });

  it("accepts JSON bodies", async () => {
    const response = await fetch(`${fake.apiUrl}chat.postMessage`, {
      method: "POST",
      headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json; charset=utf-8" },
      body: JSON.stringify({ channel: "C9", text: "json", blocks: [section("json")] }),
    });
    expect(await response.json()).toMatchObject({ ok: true, channel: "C9" });
    expect(fake.callsTo("chat.postMessage")[0].args.blocks).toEqual([section("json")]);
  });

  it("waits for a number of calls and delays answers when asked", async () => {
    fake.setLatency(150);
    const waiting = fake.waitForCount("chat.postMessage", 2);
    const startedAt = Date.now();
    await Promise.all([client.chat.postMessage({ channel: "C1", text: "a" }), client.chat.postMessage({ channel: "C1", text: "b" })]);
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(140);
    expect((await waiting).map((call) => call.args.text).sort()).toEqual(["a", "b"]);
  });

  it("holds a call unanswered and not carried out until released; an app that goes away never gets it done", async () => {
    const held = fake.holdNext("chat.postMessage", { match: (args) => args.channel === "C2" });
    const other = await client.chat.postMessage({ channel: "C1", text: "not held" });
    expect(other.ok).toBe(true);
    const answer = client.chat.postMessage({ channel: "C2", text: "held" });
    const call = await held;
    expect(call.args.text).toBe("held");
    expect(fake.messages("C2")).toEqual([]);
    call.release();
    expect((await answer).ok).toBe(true);
    expect(fake.messages("C2").map((message) => message.text)).toEqual(["held"]);

    const dropped = fake.holdNext("chat.postMessage");
    const gone = new AbortController();
    const request = fetch(`${fake.apiUrl}chat.postMessage`, { method: "POST", signal: gone.signal, headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" }, body: JSON.stringify({ channel: "C3", text: "never" }) });
    await dropped;
    gone.abort();
    await expect(request).rejects.toThrow();
    const after = await client.chat.postMessage({ channel: "C3", text: "next" });
    expect(fake.messages("C3").map((message) => message.text)).toEqual(["next"]);
    expect(fake.callsTo("chat.postMessage").map((c) => c.args.text)).toEqual(["not held", "held", "next"]);
    expect(after.ok).toBe(true);
  });

  it("with applied, carries a held call out and keeps only its answer back: the app that goes away never hears", async () => {
    const held = fake.holdNext("chat.postMessage", { applied: true });
    const gone = new AbortController();
    const request = fetch(`${fake.apiUrl}chat.postMessage`, { method: "POST", signal: gone.signal, headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" }, body: JSON.stringify({ channel: "C4", text: "sent" }) });
    const call = await held;
    expect(call.response).toMatchObject({ ok: true, channel: "C4" });
    expect(fake.messages("C4").map((message) => message.text)).toEqual(["sent"]);
    gone.abort();
    await expect(request).rejects.toThrow();
    await fake.waitFor("chat.postMessage", (c) => c.args.channel === "C4" && c.response.ok === true);
  });

  it("gives up holding when no call comes", async () => {
    await expect(fake.holdNext("chat.update", { timeoutMs: 50 })).rejects.toThrow("Timed out after 50 ms waiting for a chat.update call to hold");
  });
});

describe("Slack request helpers", () => {
  it("signs like Slack's documented example", () => {
    // The worked example from Slack's "Verifying requests from Slack" guide.
    const body =
      "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar" +
      "&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com" +
      "%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
    expect(signSlackRequest("8f742231b10e8888abcd99yyyzzz85a5", body, 1531420618)).toEqual({
      "X-Slack-Signature": "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503",
      "X-Slack-Request-Timestamp": "1531420618",
    });
  });

  it("produces signatures Bolt's verifier accepts and an independent HMAC matches", () => {
    const { rawBody } = slashCommand({ text: "risk list", userId: "U1" });
    const timestamp = Math.floor(Date.now() / 1000);
    const headers = signSlackRequest("shh", rawBody, timestamp);
    const expected = `v0=${createHmac("sha256", "shh").update(`v0:${timestamp}:${rawBody}`).digest("hex")}`;
    expect(headers["X-Slack-Signature"]).toBe(expected);
    const verify = (secret: string) =>
      isValidSlackRequest({
        signingSecret: secret,
        body: rawBody,
        headers: {
          "x-slack-signature": headers["X-Slack-Signature"],
          "x-slack-request-timestamp": timestamp,
        },
      });
    expect(verify("shh")).toBe(true);
    expect(verify("other")).toBe(false);
  });

  it("builds slash commands with all of Slack's fields and fresh trigger ids", () => {
    const first = new URLSearchParams(slashCommand({ text: "help", userId: "U1" }).rawBody);
    const second = new URLSearchParams(slashCommand({ text: "help", userId: "U1" }).rawBody);
    expect([...first.keys()].sort()).toEqual(
      [
        "api_app_id", "channel_id", "channel_name", "command", "is_enterprise_install", "response_url", "team_domain",
        "team_id", "text", "token", "trigger_id", "user_id", "user_name",
      ].sort(),
    );
    expect(first.get("command")).toBe("/aims");
    expect(first.get("trigger_id")).not.toBe(second.get("trigger_id"));
  });

  it("encodes interactive payloads as a payload form field", () => {
    const body = blockActions({ userId: "U1", actions: [{ action_id: "approve", block_id: "decision", value: "yes" }] });
    expect(body.contentType).toBe("application/x-www-form-urlencoded");
    const payload = JSON.parse(new URLSearchParams(body.rawBody).get("payload") as string);
    expect(payload).toMatchObject({
      type: "block_actions",
      user: { id: "U1" },
      actions: [{ type: "button", action_id: "approve", block_id: "decision", value: "yes" }],
      container: { type: "message" },
    });
    const values = stateValues({ risk: { title: "Bias", level: { type: "static_select", selected_option: { value: "high" } } } });
    const submission = JSON.parse(
      new URLSearchParams(viewSubmission({ userId: "U1", view: { callback_id: "risk", state: { values } } }).rawBody).get("payload") as string,
    );
    expect(submission.view.state.values.risk).toEqual({
      title: { type: "plain_text_input", value: "Bias" },
      level: { type: "static_select", selected_option: { text: { type: "plain_text", text: "high", emoji: true }, value: "high" } },
    });
  });

  it("sends signed requests and lets a test forge the signature", async () => {
    const received: Array<Record<string, string>> = [];
    const { createServer } = await import("node:http");
    const server = createServer((request, response) => {
      received.push(request.headers as Record<string, string>);
      response.end("ok");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as { port: number };
    const body = slashCommand({ text: "x", userId: "U1" });
    await sendToSlackEndpoint(`http://127.0.0.1:${port}/`, body, { signingSecret: "s", timestampSeconds: 100 });
    await sendToSlackEndpoint(`http://127.0.0.1:${port}/`, body, { signingSecret: "s", signature: "v0=forged", extraHeaders: { "X-Slack-Retry-Num": "1" } });
    await new Promise<void>((resolve) => server.close(() => resolve()));
    expect(received[0]["x-slack-signature"]).toBe(signSlackRequest("s", body.rawBody, 100)["X-Slack-Signature"]);
    expect(received[0]["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(received[1]["x-slack-signature"]).toBe("v0=forged");
    expect(received[1]["x-slack-retry-num"]).toBe("1");
  });
});
