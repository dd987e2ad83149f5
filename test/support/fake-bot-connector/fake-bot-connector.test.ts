import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeBotConnector, type FakeBotConnector } from "./index.js";

let connector: FakeBotConnector;
beforeAll(async () => {
  connector = await startFakeBotConnector();
});
afterAll(async () => {
  await connector.close();
});

const card = (version: string, text = "hello") => ({
  type: "message",
  attachments: [
    { contentType: "application/vnd.microsoft.card.adaptive", content: { type: "AdaptiveCard", version, body: [{ type: "TextBlock", text }] } },
  ],
});

const post = (path: string, body: unknown, method = "POST") =>
  fetch(new URL(path, connector.serviceUrl), { method, headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

describe("fake Bot Connector", () => {
  it("accepts a 1.5 card and answers with an activity id, as the Bot Connector does", async () => {
    const response = await post("v3/conversations/19%3Aabc%40thread.tacv2/activities", card("1.5"));
    expect(response.status).toBe(201);
    const { id } = (await response.json()) as { id: string };
    expect(connector.accepted("send").at(-1)).toMatchObject({ conversationId: "19:abc@thread.tacv2", responseId: id });
    const update = await post(`v3/conversations/19%3Aabc%40thread.tacv2/activities/${id}`, card("1.4"), "PUT");
    expect(update.status).toBe(200);
  });

  it("refuses cards above version 1.5 and messages over 28 KB, like Teams", async () => {
    expect((await post("v3/conversations/c1/activities", card("1.6"))).status).toBe(400);
    expect((await post("v3/conversations/c1/activities", card("1.5", "x".repeat(29 * 1024)))).status).toBe(413);
    expect((await post("v3/conversations/c1/activities/a1", card("1.5", "x".repeat(28 * 1024 - 200)))).status).toBe(201);
  });

  it("opens 1:1 conversations and fails on demand", async () => {
    connector.failNext("createConversation", 429);
    expect((await post("v3/conversations", { isGroup: false, members: [{ id: "29:1" }] })).status).toBe(429);
    const created = await post("v3/conversations", { isGroup: false, members: [{ id: "29:1" }] });
    expect(created.status).toBe(201);
    expect(((await created.json()) as { id: string }).id).toMatch(/^a:/);
  });

  it("records every request with its path and whole body, those it does not fake too", async () => {
    await post("v3/conversations/19%3Aabc%40thread.tacv2/activities", { ...card("1.5"), recipient: { id: "29:1someone" } });
    expect(connector.calls.at(-1)).toMatchObject({ kind: "send", method: "POST", path: "/v3/conversations/19%3Aabc%40thread.tacv2/activities", body: { recipient: { id: "29:1someone" } } });
    expect((await post("v3/conversations/c1/members/29%3A1someone", {}, "DELETE")).status).toBe(404);
    expect(connector.calls.at(-1)).toMatchObject({ kind: "unfaked", method: "DELETE", path: "/v3/conversations/c1/members/29%3A1someone", status: 404 });
  });
});
