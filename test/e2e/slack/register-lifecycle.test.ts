import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../../src/core/clock.js";
import { REGISTER_IDS } from "../../../src/features/register/conversation/register-ids.js";
import { APPROVERS, EMPLOYEE, OWNERS, startTestAims, type TestAims } from "../../support/aims-harness.js";
import { eventually } from "../../support/eventually.js";
import { seedAiSystem } from "../../support/register-fixtures.js";

const clock = fixedClock(new Date("2027-03-01T10:00:00Z"));
const WAIT_MS = 20_000;
const USER = APPROVERS[1];

let t: TestAims;
beforeAll(async () => {
  t = await startTestAims({ clock });
});
afterAll(async () => {
  await t?.stop();
});

type Block = { type: string; block_id?: string; text?: { text: string }; fields?: { text: string }[]; elements?: { text?: string; action_id?: string; value?: string }[] };
type View = { id: string; callback_id: string; private_metadata: string; blocks: Block[] };
const textOf = (blocks: Block[]) =>
  blocks.map((block) => [block.text?.text ?? "", ...(block.fields ?? []).map((field) => field.text), ...(block.elements ?? []).map((element) => element.text ?? "")].join("\n")).join("\n");
const buttonsOf = (view: View) => view.blocks.flatMap((block) => block.elements ?? []).filter((element) => element.action_id);

async function openEntry(userId: string, reference: string): Promise<View> {
  const before = t.fake.callsTo("views.open").length;
  expect((await t.slack.command(userId, `system ${reference}`, { triggerId: `trigger-${Date.now()}` })).status).toBe(200);
  const [call] = (await t.fake.waitForCount("views.open", before + 1, WAIT_MS)).slice(before);
  expect(call.response.ok, JSON.stringify(call.response)).toBe(true);
  return call.response.view as View;
}

/** Clicks a button in a modal; returns the form it pushed. */
async function clickInModal(userId: string, view: View, actionId: string): Promise<View> {
  const button = buttonsOf(view).find((element) => element.action_id === actionId)!;
  const before = t.fake.callsTo("views.push").length;
  const response = await t.slack.action({ userId, view: { id: view.id, callback_id: view.callback_id, private_metadata: view.private_metadata }, actions: [{ action_id: actionId, block_id: "b", value: button.value }] } as never);
  expect(response.status).toBe(200);
  const [call] = (await t.fake.waitForCount("views.push", before + 1, WAIT_MS)).slice(before);
  return call.response.view as View;
}

async function submit(userId: string, view: View, values: Record<string, string | string[] | { option: string }>) {
  const element = (value: string | string[] | { option: string }) =>
    typeof value === "string"
      ? { type: "plain_text_input", value }
      : Array.isArray(value)
        ? { type: "checkboxes", selected_options: value.map((option) => ({ value: option })) }
        : { type: "radio_buttons", selected_option: { value: value.option } };
  const state = Object.fromEntries(Object.entries(values).map(([id, value]) => [id, { value: element(value) }]));
  const response = await t.slack.submitView(userId, { id: view.id, callback_id: view.callback_id, private_metadata: view.private_metadata, state: { values: state } });
  expect(response.status).toBe(200);
  const text = await response.text();
  return text ? (JSON.parse(text) as { response_action: string; errors?: Record<string, string>; view?: View }) : undefined;
}

describe("the fuller register in Slack: details, lifecycle, users told", () => {
  it("shows an entry in full, lets its owner keep the details with a reason, audited", async () => {
    await seedAiSystem(t.aims.core.prisma, { reference: "SYS-0700", name: "Otter Transcribe", vendor: "Otter.ai", url: "https://otter.ai/home", ownerChannel: "slack", ownerId: EMPLOYEE });
    expect(textOf((await openEntry(USER, "SYS-0700")).blocks)).toContain("*Lifecycle*\n✅ In use");
    expect(buttonsOf(await openEntry(USER, "SYS-0700")).map((button) => button.action_id)).toEqual([REGISTER_IDS.actions.use]);

    const entry = await openEntry(EMPLOYEE, "sys-0700");
    const form = await clickInModal(EMPLOYEE, entry, REGISTER_IDS.actions.editDetails);
    expect(form.callback_id).toBe(REGISTER_IDS.forms.details);
    const details = { modelName: "Otter speech", modelVersion: "2027.1", hosting: { option: "saas" }, hostingRegion: "EU (Frankfurt)", operators: "IT service desk", guidanceUrl: "https://wiki.example.com/otter", conditionsOfUse: "Internal meetings only; no customer calls.", dataCategories: ["internal", "customer"] };
    expect((await submit(EMPLOYEE, form, { ...details, guidanceUrl: "wiki", dataCategories: [], reason: "" }))?.errors).toEqual({
      guidanceUrl: "The guidance link must be a web address starting with https://",
      dataCategories: "Choose at least one kind of data",
      reason: "Say why it changes",
    });
    await submit(EMPLOYEE, form, { ...details, reason: "Vendor documentation reviewed" });
    const system = await t.aims.core.prisma.aiSystem.findUniqueOrThrow({ where: { reference: "SYS-0700" } });
    expect(system).toMatchObject({ modelName: "Otter speech", hosting: "saas", hostingRegion: "EU (Frankfurt)", conditionsOfUse: "Internal meetings only; no customer calls.", dataCategories: ["internal", "customer"] });
    const audit = await t.aims.core.prisma.auditEvent.findFirstOrThrow({ where: { action: "register.details_changed", entityId: "SYS-0700" } });
    expect(audit.controls).toEqual(expect.arrayContaining(["A.4.2", "A.6.2.2", "A.8.2"]));
    const shown = textOf((await openEntry(USER, "SYS-0700")).blocks);
    expect(shown).toContain("Otter speech 2027.1");
    expect(shown).toContain("SaaS (vendor-hosted), EU (Frankfurt)");
    expect(shown).toContain("https://wiki.example.com/otter");
    expect(shown).toContain("Internal information, Customer data");
  });

  it("finds an entry by its domain", async () => {
    const responseUrl = t.fake.newResponseUrl();
    await t.slack.command(EMPLOYEE, "register otter.ai", { responseUrl });
    const post = await t.fake.waitForResponseUrlPost((candidate) => candidate.url === responseUrl, WAIT_MS);
    expect((post.body as { text: string }).text).toBe('1 AI system(s) in the register match "otter.ai".');
  });

  it("records a user; suspending tells the requester-owner and the users with the reason; only the owner or an AIMS owner may; retiring ends it", async () => {
    const asUser = await openEntry(USER, "SYS-0700");
    const responseUrl = t.fake.newResponseUrl();
    await t.slack.action({ userId: USER, view: { id: asUser.id, callback_id: asUser.callback_id, private_metadata: asUser.private_metadata }, responseUrl, actions: [{ action_id: REGISTER_IDS.actions.use, block_id: "b", value: buttonsOf(asUser)[0].value }] } as never);
    await eventually(async () => expect(await t.aims.core.prisma.aiSystemUser.count()).toBe(1));

    expect((await t.aims.core.registerEntries.changeLifecycle({ channel: "slack", id: USER }, "SYS-0700", "suspend", "I dislike it")).kind).toBe("refused");

    const entry = await openEntry(OWNERS[0], "SYS-0700");
    const form = await clickInModal(OWNERS[0], entry, REGISTER_IDS.actions.lifecycle.suspend);
    expect((await submit(OWNERS[0], form, { reason: "" }))?.errors).toEqual({ reason: "Say why" });
    await submit(OWNERS[0], form, { reason: "Vendor breach under investigation" });
    const system = await t.aims.core.prisma.aiSystem.findUniqueOrThrow({ where: { reference: "SYS-0700" } });
    expect(system).toMatchObject({ status: "suspended", statusReason: "Vendor breach under investigation", statusChangedAt: clock.now() });
    for (const person of [EMPLOYEE, USER]) {
      const dm = await t.fake.waitFor("chat.postMessage", (call) => call.args.channel === person && String(call.args.text).includes("SYS-0700 Otter Transcribe is now ⏸ Suspended"), WAIT_MS);
      expect(JSON.stringify(dm.args.blocks)).toContain("Reason: Vendor breach under investigation");
    }
    expect(t.fake.callsTo("chat.postMessage").filter((call) => call.args.channel === OWNERS[0] && String(call.args.text).includes("SYS-0700"))).toEqual([]);
    expect(await t.aims.core.prisma.auditEvent.count({ where: { action: "register.suspended", entityId: "SYS-0700" } })).toBe(1);
    expect(textOf((await openEntry(USER, "SYS-0700")).blocks)).toContain("⏸ Suspended since 2027-03-01: Vendor breach under investigation");

    const again = await openEntry(EMPLOYEE, "SYS-0700");
    const retire = await clickInModal(EMPLOYEE, again, REGISTER_IDS.actions.lifecycle.retire);
    await submit(EMPLOYEE, retire, { reason: "Replaced by the built-in transcription" });
    expect(await t.aims.core.prisma.aiSystem.findUniqueOrThrow({ where: { reference: "SYS-0700" } })).toMatchObject({ status: "retired" });
    await t.fake.waitFor("chat.postMessage", (call) => call.args.channel === USER && String(call.args.text).includes("is now 🗄 Retired"), WAIT_MS);
    expect(buttonsOf(await openEntry(EMPLOYEE, "SYS-0700"))).toEqual([]);
  });
});
