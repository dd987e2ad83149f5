import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../../../src/core/clock.js";
import { LINK_ANSWER_IDS as ids } from "../../../../src/features/link-answers/conversation/link-answer-ids.js";
import { EMPLOYEE, OWNERS, startTestAims, type TestAims } from "../../../support/aims-harness.js";
import { FAKE_WORKSPACE, type FakeSlackCall } from "../../../support/fake-slack/index.js";
import { seedAiSystem } from "../../../support/register-fixtures.js";
import { requestFormState, VALID_REQUEST } from "../../../support/request-form-state.js";
import { commandReply, submit, viewOpenedBy } from "../incidents/incident-steps.js";

const OWNER = OWNERS[0];
const COLLEAGUE = "UCOLLEAGUE1";
const CHANNEL = "CLINKS0001";
const QUIET_CHANNEL = "CLINKS0002";
const clock = fixedClock(new Date("2026-12-01T10:00:00Z"));

let t: TestAims;
beforeAll(async () => {
  t = await startTestAims({ clock, env: { AIMS_LINK_ANSWER_QUIET_DAYS: "7" } });
  for (const id of [OWNER, EMPLOYEE, COLLEAGUE]) t.fake.addUser({ id, name: id.toLowerCase() });
  for (const id of [CHANNEL, QUIET_CHANNEL]) t.fake.addChannel({ id, name: id.toLowerCase(), members: [FAKE_WORKSPACE.botUserId, OWNER, EMPLOYEE, COLLEAGUE] });
  await seedAiSystem(t.aims.core.prisma, { reference: "SYS-0001", name: "Claude", vendor: "Anthropic", url: "https://claude.ai", ownerChannel: "slack", ownerId: OWNER, ownerName: "Olive Owner", purpose: "Drafting internal documents", conditions: ["internal data only"], conditionsOfUse: "Never paste customer records" });
  await seedAiSystem(t.aims.core.prisma, { reference: "SYS-0003", name: "Paused Tool", vendor: "Paused", url: "https://paused.example", ownerChannel: "slack", ownerId: OWNER, status: "suspended", statusReason: "Vendor breach under review" });
  await seedAiSystem(t.aims.core.prisma, { reference: "SYS-0002", name: "Acme Summariser", vendor: "Acme", url: "https://summarise.acme.example/app", ownerChannel: "slack", ownerId: OWNER, ownerName: "Olive Owner", purpose: "Summarising tickets" });
}, 120_000);
afterAll(async () => {
  await t?.stop();
});

const ephemerals = () => t.fake.callsTo("chat.postEphemeral");
const text = (call: FakeSlackCall) => `${String(call.args.text)} ${JSON.stringify(call.args.blocks)}`;

/** Shares a link as Slack tells the bot: link_shared (catalogue domains) and the message event. */
async function share(user: string, url: string, channel = CHANNEL): Promise<void> {
  const ts = `${Math.floor(clock.now().getTime() / 1000)}.${String(Math.floor(Math.random() * 1e6)).padStart(6, "0")}`;
  await t.slack.event({ type: "link_shared", channel, user, message_ts: ts, links: [{ domain: new URL(url).hostname, url }], source: "conversations_history", unfurl_id: `U${ts}` });
  await t.slack.event({ type: "message", channel, channel_type: "channel", user, text: `have a look <${url}>`, ts });
}

/** The answers posted since `count` once `expected` of them arrived, and a moment more for any that should not. */
async function settled(count: number, expected = 1): Promise<FakeSlackCall[]> {
  if (expected > 0) await t.fake.waitForCount("chat.postEphemeral", count + expected, 15_000);
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  return ephemerals().slice(count);
}

describe("answers to links to AI tools in Slack", () => {
  it("tells only the person who shared a link to an approved tool, once, with its register entry", async () => {
    const before = ephemerals().length;
    const messagesBefore = t.fake.messages(CHANNEL).length;
    await share(EMPLOYEE, "https://claude.ai/chat/123");
    const [answer, ...more] = await settled(before);
    expect(more).toEqual([]);
    expect(answer.args).toMatchObject({ channel: CHANNEL, user: EMPLOYEE });
    expect(text(answer)).toContain("Claude");
    expect(text(answer)).toContain("SYS-0001");
    expect(text(answer)).toContain("Drafting internal documents");
    expect(text(answer)).toContain("internal data only");
    expect(text(answer)).toContain("Never paste customer records");
    expect(t.fake.messages(CHANNEL).length).toBe(messagesBefore);
    expect(t.fake.callsTo("chat.unfurl")).toEqual([]);
    expect(t.fake.callsTo("chat.postMessage").filter((call) => call.args.channel === CHANNEL)).toEqual([]);
  });

  it("places the register's own links too, from message events", async () => {
    const before = ephemerals().length;
    await share(COLLEAGUE, "https://summarise.acme.example/app/tickets/9");
    const [answer] = await settled(before);
    expect(answer.args).toMatchObject({ channel: CHANNEL, user: COLLEAGUE });
    expect(text(answer)).toContain("SYS-0002");
  });

  it("says a suspended tool is not to be used, and why", async () => {
    const before = ephemerals().length;
    await share(COLLEAGUE, "https://paused.example/work");
    const [answer] = await settled(before);
    expect(text(answer)).toContain("Paused Tool");
    expect(text(answer)).toContain("is suspended here");
    expect(text(answer)).toContain("Vendor breach under review");
    expect(text(answer)).not.toContain("is approved here");
  });

  it("does not nag: the same person and tool are quiet for the quiet days, then answered again", async () => {
    const before = ephemerals().length;
    await share(EMPLOYEE, "https://claude.ai/other");
    expect(await settled(before, 0)).toEqual([]);
    clock.set(new Date("2026-12-08T10:00:01Z"));
    await share(EMPLOYEE, "https://claude.ai/again");
    expect((await settled(before)).map((call) => call.args.user)).toEqual([EMPLOYEE]);
  });

  it("says nothing about a link it cannot place", async () => {
    const before = ephemerals().length;
    await share(EMPLOYEE, "https://example.com/recipes");
    expect(await settled(before, 0)).toEqual([]);
  });

  it("offers Request it for a known tool not approved yet, opening the request form filled in", async () => {
    const before = ephemerals().length;
    await share(EMPLOYEE, "https://www.perplexity.ai/search?q=iso");
    const [answer] = await settled(before);
    expect(text(answer)).toContain("Perplexity");
    expect(text(answer)).toContain("not approved here yet");
    const blocks = answer.args.blocks as { type: string; elements?: { action_id: string; value: string }[] }[];
    const button = blocks.flatMap((block) => block.elements ?? []).find((element) => element.action_id === ids.request);
    expect(button).toBeDefined();

    const form = await viewOpenedBy(t, () =>
      t.slack.action({ userId: EMPLOYEE, channelId: CHANNEL, container: { type: "message", message_ts: "1.1", channel_id: CHANNEL, is_ephemeral: true }, responseUrl: t.fake.newResponseUrl(), triggerId: "trigger-request-it", actions: [{ action_id: ids.request, block_id: "actions", value: button!.value }] }),
    );
    expect(form.callback_id).toBe(ids.requestForm);
    const filled = JSON.stringify(form.blocks);
    expect(filled).toContain('"initial_value":"Perplexity"');
    expect(filled).toContain('"initial_value":"Perplexity AI"');
    expect(filled).toContain("https://www.perplexity.ai/search?q=iso");

    const answerToSubmit = await submit(t, EMPLOYEE, form, requestFormState({ ...VALID_REQUEST, toolName: "Perplexity", vendor: "Perplexity AI", url: "https://www.perplexity.ai" }) as Record<string, unknown>);
    expect(answerToSubmit?.errors).toBeUndefined();
    const request = await t.aims.core.prisma.aiToolRequest.findFirst({ where: { toolName: "Perplexity" } });
    expect(request).toMatchObject({ requesterId: EMPLOYEE, status: "pending", vendor: "Perplexity AI" });

    // Someone else sharing it now learns that it is waiting for approval.
    const later = ephemerals().length;
    await share(COLLEAGUE, "https://perplexity.ai/");
    const [pending] = await settled(later);
    expect(pending.args.user).toBe(COLLEAGUE);
    expect(text(pending)).toContain(request!.reference);
    expect(text(pending)).toContain("not approved yet");
  });

  it("lets an AIMS owner turn link answers off in a channel, audited; others may not", async () => {
    expect(await commandReply(t, EMPLOYEE, "links off", QUIET_CHANNEL)).toBe("Only AIMS owners can turn link answers off or on.");
    expect(await commandReply(t, OWNER, "links off", QUIET_CHANNEL)).toContain("off in this conversation");
    expect(await commandReply(t, OWNER, "links off", QUIET_CHANNEL)).toContain("already off");
    const audit = await t.aims.core.prisma.auditEvent.findFirst({ where: { action: "link_answers.turned_off", entityId: `slack:${QUIET_CHANNEL}` } });
    expect(audit?.controls).toEqual(["A.9.2", "A.8.2"]);

    const before = ephemerals().length;
    await share(OWNER, "https://gemini.google.com/app", QUIET_CHANNEL);
    expect(await settled(before, 0)).toEqual([]);
    // Elsewhere the answer still comes.
    await share(OWNER, "https://gemini.google.com/app", CHANNEL);
    expect((await settled(before)).map((call) => call.args.channel)).toEqual([CHANNEL]);

    expect(await commandReply(t, OWNER, "links on", QUIET_CHANNEL)).toContain("on again");
    expect(await t.aims.core.prisma.auditEvent.count({ where: { action: "link_answers.turned_on" } })).toBe(1);
  });
});
