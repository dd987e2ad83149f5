import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SLACK_IDS } from "../../../../src/channels/slack/ids.js";
import { EMPLOYEE, OWNERS, startTestAims, type TestAims } from "../../../support/aims-harness.js";
import { eventually } from "../../../support/eventually.js";

const OWNER = OWNERS[0];
const ids = SLACK_IDS.soa;
/** Generous waits: CI runs the suites side by side on two cores. */
const WAIT_MS = 20_000;

let t: TestAims;
beforeAll(async () => {
  t = await startTestAims();
  t.fake.addUser({ id: OWNER, name: "olive.owner" });
});
afterAll(async () => {
  await t?.stop();
});

type View = { id: string; callback_id: string; private_metadata: string; blocks: Block[] };
type Block = { type: string; block_id?: string; text?: { text: string }; accessory?: { action_id: string; value: string } };

async function command(userId: string, text: string) {
  const responseUrl = t.fake.newResponseUrl();
  const before = t.fake.callsTo("views.open").length;
  expect((await t.slack.command(userId, text, { responseUrl })).status).toBe(200);
  return { responseUrl, viewsOpenedBefore: before };
}

async function openedView(before: number): Promise<View> {
  const [call] = (await t.fake.waitForCount("views.open", before + 1, WAIT_MS)).slice(before);
  expect(call.response.ok, JSON.stringify(call.response)).toBe(true);
  return call.response.view as View;
}

const ephemeralText = (responseUrl: string) =>
  t.fake.waitForResponseUrlPost((post) => post.url === responseUrl && !String((post.body as { text: string }).text).startsWith("Building"), WAIT_MS).then((post) => String((post.body as { text: string }).text));

const lineOf = (view: { blocks: Block[] }, controlId: string) => view.blocks.find((block) => block.block_id === `soa:${controlId}`)!;

describe("/aims soa and /aims export through Slack", () => {
  let rootViewId: string;

  it("before setup, tells staff the SoA is not set up and asks the AIMS owner for the organisation's roles", async () => {
    const staff = await command(EMPLOYEE, "soa");
    expect(await ephemeralText(staff.responseUrl)).toContain("has not set up the Statement of Applicability");

    const owner = await command(OWNER, "soa");
    const profile = await openedView(owner.viewsOpenedBefore);
    expect(profile.callback_id).toBe(ids.views.profile);

    const response = await t.slack.submitView(OWNER, {
      id: profile.id,
      callback_id: profile.callback_id,
      private_metadata: profile.private_metadata,
      state: { values: { roles: { value: { type: "checkboxes", selected_options: [] } } } },
    });
    expect(await response.json()).toEqual({ response_action: "errors", errors: { roles: expect.stringContaining("Choose at least one") } });

    const saved = await t.slack.submitView(OWNER, {
      id: profile.id,
      callback_id: profile.callback_id,
      private_metadata: profile.private_metadata,
      state: { values: { roles: { value: { type: "checkboxes", selected_options: [{ value: "ai_user" }] } } } },
    });
    expect(((await saved.json()) as { response_action: string }).response_action).toBe("update");
    const [update] = await t.fake.waitForCount("views.update", 1, WAIT_MS);
    expect(update.args.view_id).toBe(profile.id);
    expect(update.response.ok, JSON.stringify(update.response)).toBe(true);
    const soa = update.args.view as View;
    expect(soa.blocks.filter((block) => block.block_id?.startsWith("soa:"))).toHaveLength(38);
    expect(lineOf(soa, "A.6.2.3").text!.text).toContain("Not applicable");
    expect(await t.aims.core.prisma.soaEntry.count()).toBe(38);
  });

  it("shows staff the whole SoA, grouped A.2 to A.10, read-only", async () => {
    const staff = await command(EMPLOYEE, "soa");
    const view = await openedView(staff.viewsOpenedBefore);
    expect(view.callback_id).toBe(ids.views.statement);
    expect(view.blocks.filter((block) => block.type === "header").map((block) => block.text!.text.split(" ")[0])).toEqual([
      "A.2", "A.3", "A.4", "A.5", "A.6", "A.7", "A.8", "A.9", "A.10",
    ]);
    expect(JSON.stringify(view.blocks)).not.toContain(ids.actions.editEntry);
    expect(lineOf(view, "A.9.2").text!.text).toMatch(/Applicable · _default proposal, not reviewed yet_ · evidence: \*0\* records/);
  });

  it("lists the management-system clauses the bot keeps records for, with how many records evidence each", async () => {
    const owner = { channel: "slack" as const, id: OWNER };
    expect((await t.aims.core.nonconformities.raise(owner, { description: "Model cards are missing for two systems." }, owner, { kind: "manual" }, "soa-clauses")).kind).toBe("raised");
    const staff = await command(EMPLOYEE, "soa");
    const text = JSON.stringify((await openedView(staff.viewsOpenedBefore)).blocks);
    expect(text).toContain("Management-system clauses");
    expect(text).toContain("10.2 Nonconformity and corrective action: 1 evidence record");
    expect(text).toContain("9.2 Internal audit: 0 evidence records");
  });

  it("lets the AIMS owner edit a line from the SoA: justification required to exclude, SoA refreshed after saving", async () => {
    const owner = await command(OWNER, "soa");
    const view = await openedView(owner.viewsOpenedBefore);
    rootViewId = view.id;
    const edit = lineOf(view, "A.9.3").accessory!;
    expect(edit.action_id).toBe(ids.actions.editEntry);

    const pushesBefore = t.fake.callsTo("views.push").length;
    await t.slack.action({ userId: OWNER, view: { id: view.id }, actions: [{ action_id: edit.action_id, block_id: "soa:A.9.3", value: edit.value }] });
    const [push] = (await t.fake.waitForCount("views.push", pushesBefore + 1, WAIT_MS)).slice(pushesBefore);
    expect(push.response.ok, JSON.stringify(push.response)).toBe(true);
    const form = push.response.view as View;

    const submit = (values: Record<string, unknown>) =>
      t.slack.submitView(OWNER, { id: form.id, callback_id: form.callback_id, private_metadata: form.private_metadata, state: { values: values as never } });
    const state = (applicable: "yes" | "no", justification: string) => ({
      applicable: { value: { type: "radio_buttons", selected_option: { value: applicable } } },
      justification: { value: { type: "plain_text_input", value: justification } },
      implementation: { value: { type: "plain_text_input", value: null } },
      owner: { value: { type: "plain_text_input", value: "Head of IT" } },
    });

    const refused = await submit(state("no", ""));
    expect(await refused.json()).toEqual({ response_action: "errors", errors: { justification: expect.stringContaining("not applicable") } });

    const updatesBefore = t.fake.callsTo("views.update").length;
    const saved = await submit(state("no", "Only SaaS tools are used; usage is covered by A.9.2."));
    expect(saved.status).toBe(200);
    expect(await saved.text()).toBe("");
    const [update] = (await t.fake.waitForCount("views.update", updatesBefore + 1, WAIT_MS)).slice(updatesBefore);
    expect(update.args.view_id).toBe(rootViewId);
    expect(update.response.ok, JSON.stringify(update.response)).toBe(true);
    expect(lineOf(update.args.view as View, "A.9.3").text!.text).toMatch(/Not applicable · reviewed \(v2\)[\s\S]*Head of IT/);

    const history = await t.aims.core.soa.history("A.9.3");
    expect(history.map((version) => [version.version, version.applicable, version.changedById])).toEqual([
      [1, true, OWNER],
      [2, false, OWNER],
    ]);
  });

  it("re-checks the owner on every click and submission", async () => {
    const pushesBefore = t.fake.callsTo("views.push").length;
    await t.slack.action({ userId: EMPLOYEE, view: { id: rootViewId }, actions: [{ action_id: ids.actions.editEntry, block_id: "soa:A.2.2", value: "A.2.2:1" }] });
    await t.fake.waitFor("chat.postMessage", (call) => call.args.channel === EMPLOYEE && String(call.args.text).includes("Only the AIMS owner"), WAIT_MS);
    expect(t.fake.callsTo("views.push")).toHaveLength(pushesBefore);

    const forged = await t.slack.submitView(EMPLOYEE, {
      callback_id: ids.views.entry,
      private_metadata: JSON.stringify({ controlId: "A.2.2", version: 1, rootViewId }),
      state: { values: { applicable: { value: { type: "radio_buttons", selected_option: { value: "no" } } }, justification: { value: { type: "plain_text_input", value: "not needed" } } } },
    });
    expect(await forged.json()).toEqual({ response_action: "errors", errors: { applicable: expect.stringContaining("Only the AIMS owner") } });
    expect(await t.aims.core.soa.line("A.2.2")).toMatchObject({ applicable: true, version: 1 });
  });

  it("/aims export is for the AIMS owner only, and sends them the audit pack as a .zip in a DM", async () => {
    const staff = await command(EMPLOYEE, "export");
    expect(await ephemeralText(staff.responseUrl)).toBe("Only the AIMS owner can export the audit pack.");
    const help = await command(EMPLOYEE, "help");
    expect(await ephemeralText(help.responseUrl)).not.toContain("/aims export");
    expect(t.fake.uploads).toHaveLength(0);

    const owner = await command(OWNER, "export");
    const upload = await eventually(() => {
      expect(t.fake.uploads).toHaveLength(1);
      return t.fake.uploads[0];
    }, 30_000);
    const dm = t.fake.callsTo("conversations.open").find((call) => call.args.users === OWNER)!;
    expect(upload.channel_id).toBe((dm.response.channel as { id: string }).id);
    expect(upload.filename).toMatch(/^aims-audit-pack-\d{8}T\d{6}Z\.zip$/);
    expect(upload.initial_comment).toContain("Audit trail verified");

    const files = unzipSync(new Uint8Array(upload.bytes));
    const root = upload.filename.replace(/\.zip$/, "");
    const soaCsv = strFromU8(files[`${root}/soa/statement-of-applicability.csv`]);
    expect(soaCsv).toContain("A.9.3,");
    expect(soaCsv).toContain("Only SaaS tools are used");
    expect(strFromU8(files[`${root}/README.md`])).toContain("#### A.9.3 Objectives for responsible use of AI system: Not applicable");
    expect((await t.aims.core.prisma.auditEvent.findFirst({ where: { action: "evidence.exported" } }))?.actorId).toBe(OWNER);
    const toldOwner = t.fake.responseUrlPosts.filter((post) => post.url === owner.responseUrl).map((post) => (post.body as { text: string }).text);
    expect(toldOwner).toEqual(["Building the audit pack; I will send it to you by DM."]);
  }, 60_000);
});
