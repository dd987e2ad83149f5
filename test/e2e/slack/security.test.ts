import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EMPLOYEE, TEST_BOT_TOKEN, TEST_SIGNING_SECRET, startTestAims, type TestAims } from "../../support/aims-harness.js";
import { nowInSeconds, signSlackRequest, slashCommand } from "../../support/slack-requests.js";
import { submitRequest } from "../../support/request-steps.js";

let t: TestAims;
beforeAll(async () => {
  t = await startTestAims();
});
afterAll(async () => {
  await t?.stop();
});

describe("requests Slack did not sign, or signed too long ago", () => {
  it("refuses a forged signature with 401 and runs nothing", async () => {
    const opened = t.fake.callsTo("views.open").length;
    const response = await t.slack.send(slashCommand({ userId: EMPLOYEE, text: "request" }), {
      signature: `v0=${"0".repeat(64)}`,
    });
    expect(response.status).toBe(401);
    expect(t.fake.callsTo("views.open")).toHaveLength(opened);
  });

  it("refuses a body signed with another secret", async () => {
    const response = await t.slack.send(slashCommand({ userId: EMPLOYEE, text: "help" }), { signingSecret: "not-the-secret" });
    expect(response.status).toBe(401);
  });

  it("refuses a correctly signed request older than five minutes", async () => {
    const response = await t.slack.send(slashCommand({ userId: EMPLOYEE, text: "help" }), {
      timestampSeconds: nowInSeconds() - 6 * 60,
    });
    expect(response.status).toBe(401);
  });

  it("refuses a request without signature headers", async () => {
    const body = slashCommand({ userId: EMPLOYEE, text: "help" });
    const response = await fetch(`${t.aims.url}/slack/events`, {
      method: "POST",
      headers: { "content-type": body.contentType },
      body: body.rawBody,
    });
    expect(response.status).toBe(401);
  });
});

describe("malformed requests", () => {
  it.each([
    ["an interaction payload that is not JSON", "payload=%7Bnot-json", "application/x-www-form-urlencoded"],
    ["a JSON body that is not JSON", "{\"type\":", "application/json"],

  ] as const)("answers %s with a 4xx and keeps serving", async (_name, rawBody, contentType) => {
    const response = await t.slack.send({ rawBody, contentType });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);

    expect((await fetch(`${t.aims.url}/healthz`)).status).toBe(200);
    const responseUrl = t.fake.newResponseUrl();
    expect((await t.slack.command(EMPLOYEE, "help", { responseUrl })).status).toBe(200);
    await t.fake.waitForResponseUrlPost((p) => p.url === responseUrl);
  });

  const viewSubmissionWith = (view: unknown) =>
    `payload=${encodeURIComponent(JSON.stringify({ type: "view_submission", user: { id: EMPLOYEE }, team: { id: "T0FAKE" }, view }))}`;
  it.each([
    ["a view_submission without state", viewSubmissionWith({ id: "V1", callback_id: "request.submit", private_metadata: "k-no-state" })],
    ["a view_submission whose state has no values", viewSubmissionWith({ id: "V1", callback_id: "request.submit", state: {} })],
    ["a view_submission whose view is not an object", viewSubmissionWith("request.submit")],
    ["a view_submission without a view", viewSubmissionWith(undefined)],
    ["a view_submission without a user", `payload=${encodeURIComponent(JSON.stringify({ type: "view_submission", view: { id: "V1", callback_id: "request.submit", state: { values: {} } } }))}`],
    ["an interaction of an unknown type", `payload=${encodeURIComponent(JSON.stringify({ type: "no_such_thing" }))}`],
    ["block_actions without actions", `payload=${encodeURIComponent(JSON.stringify({ type: "block_actions", user: { id: EMPLOYEE } }))}`],
  ] as const)("answers %s with 400 at once, writes nothing and logs no listener error", async (_name, rawBody) => {
    const before = await t.aims.core.prisma.auditEvent.count();
    const started = Date.now();
    const response = await t.slack.send({ rawBody, contentType: "application/x-www-form-urlencoded" });
    expect(response.status).toBe(400);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(await t.aims.core.prisma.auditEvent.count()).toBe(before);
    expect(t.logs()).not.toContain("unhandled Slack listener error");
  });

  it("answers a signed payload too large with 413", async () => {
    const rawBody = `payload=${"x".repeat(11 * 1024 * 1024)}`;
    const response = await fetch(`${t.aims.url}/slack/events`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", ...signSlackRequest(TEST_SIGNING_SECRET, rawBody) },
      body: rawBody,
    });
    expect(response.status).toBe(413);
  });
});

describe("commands", () => {
  it("answers an unknown subcommand with help, privately", async () => {
    const responseUrl = t.fake.newResponseUrl();
    await t.slack.command(EMPLOYEE, "frobnicate now", { responseUrl });
    const post = await t.fake.waitForResponseUrlPost((p) => p.url === responseUrl);
    expect(post.body).toMatchObject({ response_type: "ephemeral" });
    const text = (post.body as { text: string }).text;
    expect(text).toContain("I don't know `/aims frobnicate`");
    for (const usage of ["/aims request", "/aims status", "/aims help"]) expect(text).toContain(usage);
  });

  it("answers a bare /aims with help", async () => {
    const responseUrl = t.fake.newResponseUrl();
    await t.slack.command(EMPLOYEE, "", { responseUrl });
    const post = await t.fake.waitForResponseUrlPost((p) => p.url === responseUrl);
    expect((post.body as { text: string }).text).toMatch(/^\*AIMS\* helps us use AI responsibly/);
  });
});

describe("logs", () => {
  it("never contain the bot token, the signing secret or request signatures, even at debug level", async () => {
    await submitRequest(t, EMPLOYEE);
    await t.slack.send(slashCommand({ userId: EMPLOYEE, text: "help" }), { signature: "v0=deadbeef" });
    const logs = t.logs();
    expect(logs.length).toBeGreaterThan(1000);
    expect(logs).not.toContain(TEST_BOT_TOKEN);
    expect(logs).not.toContain(TEST_SIGNING_SECRET);
    expect(logs).not.toMatch(/v0=[0-9a-f]{64}/);
  });
});
