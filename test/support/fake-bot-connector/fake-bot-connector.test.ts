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

  it("answers the roster like Teams: one member by Teams or AAD id, 404 for others, pages with a continuation token, team details", async () => {
    const get = (path: string) => fetch(new URL(path, connector.serviceUrl));
    const people = ["a", "b", "c"].map((n) => ({ aadObjectId: `aad-${n}`, id: `29:1${n}`, name: n.toUpperCase(), email: `${n}@example.com` }));
    connector.roster.team("19:t@thread.tacv2", "Everyone");
    connector.roster.add("19:t@thread.tacv2", ...people);
    connector.roster.setPageLimit(2);
    const one = await get("v3/conversations/19%3At%40thread.tacv2/members/aad-b");
    expect(await one.json()).toMatchObject({ id: "29:1b", aadObjectId: "aad-b", email: "b@example.com", name: "B" });
    expect((await get("v3/conversations/19%3At%40thread.tacv2/members/29%3A1c")).status).toBe(200);
    const missing = await get("v3/conversations/19%3At%40thread.tacv2/members/aad-z");
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { code: "MemberNotFoundInConversation" } });

    const first = (await (await get("v3/conversations/19%3At%40thread.tacv2/pagedmembers?pageSize=500")).json()) as { members: { aadObjectId: string }[]; continuationToken?: string };
    expect(first.members.map((m) => m.aadObjectId)).toEqual(["aad-a", "aad-b"]);
    const second = (await (await get(`v3/conversations/19%3At%40thread.tacv2/pagedmembers?continuationToken=${first.continuationToken}`)).json()) as typeof first;
    expect(second).toEqual({ members: [expect.objectContaining({ aadObjectId: "aad-c" })] });
    expect(await (await get("v3/teams/19%3At%40thread.tacv2")).json()).toMatchObject({ id: "19:t@thread.tacv2", name: "Everyone" });
    expect((await get("v3/teams/19%3Aunknown")).status).toBe(404);

    connector.roster.remove("19:t@thread.tacv2", "aad-b");
    expect((await get("v3/conversations/19%3At%40thread.tacv2/members/aad-b")).status).toBe(404);
    connector.failNext("pagedMembers", 429, 1, 1);
    const throttled = await get("v3/conversations/19%3At%40thread.tacv2/pagedmembers");
    expect([throttled.status, throttled.headers.get("retry-after")]).toEqual([429, "1"]);
  });
});
