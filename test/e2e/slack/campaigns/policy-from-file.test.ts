import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../../../src/core/clock.js";
import { EMPLOYEE, OWNERS, startTestAims, TEST_BOT_TOKEN, type TestAims } from "../../../support/aims-harness.js";
import { followUpState } from "../incidents/incident-steps.js";
import { buttonValue, CAMPAIGN_ENV, ids, submit, tick, viewOpenedByClick } from "./campaign-steps.js";

const clock = fixedClock(new Date("2027-03-01T10:00:00Z"));
const OWNER = OWNERS[0];
const POLICY = "# AI policy\n\nHow we use AI at Example Ltd.\n\n## Approved tools\n\nOnly approved AI tools may be used with company data.\n";
let t: TestAims;

/** A person shares a file in their DM with the bot, as Slack delivers it: a message event of subtype file_share. */
async function share(user: string, file: { name: string; mimetype: string; filetype: string; content: string | Buffer }) {
  const channel = t.fake.dmChannelWith(user);
  const shared = t.fake.shareFile({ user, channel, ...file });
  const before = t.fake.callsTo("chat.postMessage").filter((call) => call.args.channel === channel).length;
  const ts = `${Math.floor(clock.now().getTime() / 1000)}.${String(Math.random()).slice(2, 8)}`;
  const response = await t.slack.event({ type: "message", subtype: "file_share", channel, channel_type: "im", user, text: "", ts, files: [{ id: shared.id }] });
  expect(response.status).toBe(200);
  await expect.poll(() => t.fake.callsTo("chat.postMessage").filter((call) => call.args.channel === channel).length, { timeout: 10_000 }).toBe(before + 1);
  return t.fake.callsTo("chat.postMessage").filter((call) => call.args.channel === channel).at(-1)!;
}

const said = (call: { args: Record<string, unknown> }) => `${String(call.args.text)} ${JSON.stringify(call.args.blocks ?? [])}`;

beforeAll(async () => {
  t = await startTestAims({ clock, env: { ...CAMPAIGN_ENV, AIMS_POLICY_FILE_MAX_KB: "2" } });
  t.fake.addUser({ id: EMPLOYEE, name: "employee" });
});
afterAll(async () => {
  await t?.stop();
});

describe("publishing a policy from a Markdown file shared with the bot in Slack", () => {
  it("an AIMS owner gets a preview and a Publish form filled in from the file, and publishes the whole text", async () => {
    const preview = await share(OWNER, { name: "ai-policy.md", mimetype: "text/markdown", filetype: "markdown", content: POLICY });
    expect(said(preview)).toContain("Preview of *ai-policy.md*");
    expect(said(preview)).toContain("Only approved AI tools may be used with company data.");
    const info = t.fake.callsTo("files.info").at(-1)!;
    expect(info.response).toMatchObject({ ok: true });

    const view = await viewOpenedByClick(t, OWNER, preview, ids.actions.publishDraft);
    expect(view.callback_id).toBe(ids.views.publishDraft);
    const form = JSON.stringify(view.blocks);
    expect(form).toContain('"initial_value":"AI policy"');
    expect(form).toContain('"initial_value":"How we use AI at Example Ltd."');
    expect(form).not.toContain('"block_id":"body"');

    expect(await submit(t, OWNER, view, followUpState({ title: "AI policy", summary: "How we use AI at Example Ltd.", requiresAcknowledgement: { options: [] } }))).toBeNull();
    await t.fake.waitFor("chat.postMessage", (call) => call.args.channel === OWNER && String(call.args.text).includes("Published AI policy version 1"));
    const version = await t.aims.core.prisma.policyVersion.findFirstOrThrow();
    expect(version).toMatchObject({ publishedVia: "file shared in chat", publishedById: OWNER, body: "How we use AI at Example Ltd.\n\n## Approved tools\n\nOnly approved AI tools may be used with company data." });

    // The draft is spent: the same Publish button opens nothing.
    const again = await t.slack.action({ userId: OWNER, channelId: String(preview.response.channel), message: { ts: String(preview.response.ts), type: "message", text: "" }, triggerId: "trigger-again", responseUrl: t.fake.newResponseUrl(), actions: [{ action_id: ids.actions.publishDraft, block_id: "actions", value: buttonValue(preview, ids.actions.publishDraft) }] });
    expect(again.status).toBe(200);
    await t.fake.waitForResponseUrlPost((post) => JSON.stringify(post.body).includes("That file was already published"));
  });

  it("a file that is not Markdown, is empty or is too large gets a clear message, and nothing is kept", async () => {
    expect(said(await share(OWNER, { name: "policy.docx", mimetype: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", filetype: "docx", content: "PK\u0003\u0004" }))).toContain(
      "policy.docx is not a Markdown file",
    );
    expect(said(await share(OWNER, { name: "empty.md", mimetype: "text/markdown", filetype: "markdown", content: " \n\n" }))).toContain("empty.md is empty");
    expect(said(await share(OWNER, { name: "long.md", mimetype: "text/markdown", filetype: "markdown", content: `# Long\n\n${"x".repeat(3_000)}` }))).toContain(
      "long.md is larger than 2 KB",
    );
    expect(said(await share(OWNER, { name: "binary.md", mimetype: "text/plain", filetype: "markdown", content: Buffer.from([0xff, 0xfe, 0x00, 0x41]) }))).toContain("binary.md is not readable text");
    expect(await t.aims.core.prisma.policyDraft.count()).toBe(1);
  });

  it("someone who is not an AIMS owner is refused before the file is read", async () => {
    const downloadsBefore = t.fake.callsTo("files.info").length;
    expect(said(await share(EMPLOYEE, { name: "mine.md", mimetype: "text/markdown", filetype: "markdown", content: POLICY }))).toContain("Only an AIMS owner can publish documents");
    expect(t.fake.callsTo("files.info").length).toBe(downloadsBefore + 1);
    expect(await t.aims.core.prisma.policyDraft.count()).toBe(1);
  });

  it("the fake Slack serves url_private only with the bot token, as Slack does", async () => {
    const file = t.fake.shareFile({ user: OWNER, channel: t.fake.dmChannelWith(OWNER), name: "x.md", mimetype: "text/markdown", filetype: "markdown", content: "# X" });
    const url = String(file.url_private);
    expect((await fetch(url, { redirect: "manual" })).status).toBe(302);
    const withToken = await fetch(url, { headers: { authorization: `Bearer ${TEST_BOT_TOKEN}` } });
    expect(await withToken.text()).toBe("# X");
  });

  it("a draft left unpublished for more than 7 days is deleted by the scheduler, audited; its Publish button then says so", async () => {
    const preview = await share(OWNER, { name: "forgotten.md", mimetype: "text/markdown", filetype: "markdown", content: "# Forgotten policy\n\nNever published." });
    const drafts = () => t.aims.core.prisma.policyDraft.findMany({ orderBy: { id: "asc" } });
    expect((await drafts()).map((draft) => draft.fileName)).toEqual(["ai-policy.md", "forgotten.md"]);

    clock.set(new Date("2027-03-08T09:59:00Z")); // a minute short of 7 days
    await tick(t);
    expect(await drafts()).toHaveLength(2);
    expect(await t.aims.core.prisma.auditEvent.count({ where: { action: "policy.draft_discarded" } })).toBe(0);

    clock.set(new Date("2027-03-08T10:01:00Z"));
    await tick(t);
    // The published draft stays with its version; only the forgotten one goes.
    expect((await drafts()).map((draft) => draft.fileName)).toEqual(["ai-policy.md"]);
    const [audit, ...more] = await t.aims.core.prisma.auditEvent.findMany({ where: { action: "policy.draft_discarded" } });
    expect(more).toHaveLength(0);
    expect(audit).toMatchObject({ entityType: "policy_draft", actorId: null });
    expect(JSON.stringify(audit!.before)).toContain("forgotten.md");
    await tick(t);
    expect(await t.aims.core.prisma.auditEvent.count({ where: { action: "policy.draft_discarded" } })).toBe(1);

    const responseUrl = t.fake.newResponseUrl();
    await t.slack.action({ userId: OWNER, channelId: String(preview.response.channel), message: { ts: String(preview.response.ts), type: "message", text: "" }, triggerId: "trigger-late", responseUrl, actions: [{ action_id: ids.actions.publishDraft, block_id: "actions", value: buttonValue(preview, ids.actions.publishDraft) }] });
    const reply = await t.fake.waitForResponseUrlPost((post) => post.url === responseUrl);
    expect(JSON.stringify(reply.body)).toContain("was left unpublished for more than 7 days");
  });
});
