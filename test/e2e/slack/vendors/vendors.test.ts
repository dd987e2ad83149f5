import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SLACK_IDS } from "../../../../src/channels/slack/ids.js";
import { fixedClock } from "../../../../src/core/clock.js";
import { countRecordsByControl } from "../../../../src/features/evidence/evidence-query.js";
import { vendorReviews, vendors } from "../../../../src/features/evidence/sources/vendors.js";
import { VENDOR_IDS } from "../../../../src/features/vendors/conversation/vendor-ids.js";
import { EMPLOYEE, OWNERS, startTestAims, type TestAims } from "../../../support/aims-harness.js";
import type { FakeSlackCall } from "../../../support/fake-slack/index.js";
import { eventually } from "../../../support/eventually.js";
import { seedAiSystem } from "../../../support/register-fixtures.js";
import { SCHEDULING_ENV, click as clickReminder, dmsTo, submitModal, tick } from "../scheduling/scheduling-steps.js";

const clock = fixedClock(new Date("2027-02-01T10:00:00Z")); // a Monday, 10:00 in London
const OWNER = OWNERS[0];
const VENDOR_OWNER = "UVENDOWN01";
const WAIT_MS = 20_000;
const ids = VENDOR_IDS;

type Block = { type: string; block_id?: string; text?: { text: string }; accessory?: { action_id: string; value: string }; elements?: { action_id?: string; value?: string }[] };
type View = { id: string; callback_id: string; private_metadata: string; blocks: Block[] };

let t: TestAims;
beforeAll(async () => {
  t = await startTestAims({ clock, env: { ...SCHEDULING_ENV, SLACK_MANAGERS_CHANNEL: "" } });
  for (const id of [OWNER, VENDOR_OWNER, EMPLOYEE]) t.fake.addUser({ id, name: id.toLowerCase() });
});
afterAll(async () => {
  await t?.stop();
});

async function commandView(userId: string, text: string): Promise<View> {
  const before = t.fake.callsTo("views.open").length;
  expect((await t.slack.command(userId, text, { triggerId: `trigger-${text}-${before}` })).status).toBe(200);
  const [call] = (await t.fake.waitForCount("views.open", before + 1, WAIT_MS)).slice(before);
  expect(call!.response.ok, JSON.stringify(call!.response)).toBe(true);
  return call!.response.view as View;
}

async function commandReply(userId: string, text: string): Promise<{ text: string; blocks?: Block[] }> {
  const responseUrl = t.fake.newResponseUrl();
  await t.slack.command(userId, text, { responseUrl });
  const post = await t.fake.waitForResponseUrlPost((p) => p.url === responseUrl, WAIT_MS);
  return post.body as { text: string; blocks?: Block[] };
}

const actionValues = (view: { blocks: Block[] }) =>
  Object.fromEntries(view.blocks.flatMap((block) => [...(block.elements ?? []), ...(block.accessory ? [block.accessory] : [])]).map((element) => [element.action_id!, element.value ?? ""]));

async function clickInModal(userId: string, view: View, actionId: string, answer: "views.push" | "views.update"): Promise<FakeSlackCall> {
  const value = actionValues(view)[actionId];
  expect(value, `${actionId} button`).toBeDefined();
  const before = t.fake.callsTo(answer).length;
  expect((await t.slack.action({ userId, view: { id: view.id }, actions: [{ action_id: actionId, block_id: "actions", value: value! }] })).status).toBe(200);
  const [call] = (await t.fake.waitForCount(answer, before + 1, WAIT_MS)).slice(before);
  expect(call!.response.ok, JSON.stringify(call!.response)).toBe(true);
  return call!;
}

/** Clicks a button of a DM; returns the modal it opened. */
async function clickInDm(userId: string, dm: FakeSlackCall, actionId: string): Promise<View> {
  const blocks = dm.args.blocks as Block[];
  const value = actionValues({ blocks })[actionId];
  expect(value, `${actionId} button`).toBeDefined();
  const before = t.fake.callsTo("views.open").length;
  const response = await t.slack.action({
    userId,
    channelId: String(dm.response.channel),
    message: { ts: String(dm.response.ts), type: "message", text: "" },
    responseUrl: t.fake.newResponseUrl(),
    actions: [{ action_id: actionId, block_id: "actions", value: value! }],
  });
  expect(response.status).toBe(200);
  const [call] = (await t.fake.waitForCount("views.open", before + 1, WAIT_MS)).slice(before);
  return call!.response.view as View;
}

const submit = (userId: string, view: View, values: Record<string, unknown>) =>
  t.slack.submitView(userId, { id: view.id, callback_id: view.callback_id, private_metadata: view.private_metadata, state: { values: values as never } });

const text = (value: string | null) => ({ value: { type: "plain_text_input", value } });
const radio = (value: string) => ({ value: { type: "radio_buttons", selected_option: { value } } });
const answersState = (retention: string) => ({
  trains_on_our_data: radio("no"),
  retention: text(retention),
  data_location: text("EU (Frankfurt)"),
  subprocessors: text("https://acme.example.com/subprocessors"),
  certifications: { value: { type: "checkboxes", selected_options: [{ value: "iso27001" }, { value: "soc2" }] } },
  dpa: radio("yes"),
  model_change_notice: radio("yes"),
  notes: text(null),
});

const questionnaireDms = () => dmsTo(t, VENDOR_OWNER).filter((call) => JSON.stringify(call.args.blocks ?? []).includes(ids.actions.answersForm));

describe("vendor due diligence through Slack (ISO 42001 A.10.2, A.10.3)", () => {
  let detail: View;

  it("lets staff read the vendors; only AIMS owners add one, which links the register entries naming it", async () => {
    await seedAiSystem(t.aims.core.prisma, { reference: "SYS-0001", ownerChannel: "slack", ownerId: EMPLOYEE, name: "HireScreen AI", vendor: "acme" });
    const empty = await commandView(EMPLOYEE, "vendors");
    expect(empty.callback_id).toBe(ids.views.list);
    expect(JSON.stringify(empty.blocks)).toContain("No vendor is recorded yet.");
    expect(actionValues(empty)).not.toHaveProperty(ids.actions.addForm);
    expect((await commandReply(EMPLOYEE, "vendors add")).text).toBe("Only AIMS owners can add vendors, set their owner or send the questionnaire.");

    const form = await commandView(OWNER, "vendors add");
    expect(form.callback_id).toBe(ids.views.add);
    const bad = await submit(OWNER, form, { name: text("Acme"), domains: text("not a domain"), ownerId: { value: { type: "users_select", selected_user: VENDOR_OWNER } } });
    expect(await bad.json()).toEqual({ response_action: "errors", errors: { domains: "Each domain must look like example.com" } });
    const added = await submit(OWNER, form, { name: text("Acme"), domains: text("https://www.Acme.ai/app\nacme.com"), ownerId: { value: { type: "users_select", selected_user: VENDOR_OWNER } } });
    const answer = (await added.json()) as { response_action: string; view: View };
    expect(answer.response_action).toBe("update");
    detail = { ...answer.view, id: form.id };
    const shown = JSON.stringify(detail.blocks);
    expect(shown).toContain("VEN-0001 is added.");
    expect(shown).toContain("acme.ai, acme.com");
    expect(shown).toContain("not reviewed");
    expect(shown).toContain("SYS-0001 HireScreen AI");

    const again = await commandView(OWNER, "vendors add");
    expect(await (await submit(OWNER, again, { name: text("ACME"), domains: text(null), ownerId: { value: { type: "users_select", selected_user: null } } })).json()).toEqual({
      response_action: "errors",
      errors: { name: "Acme is already a vendor (VEN-0001)." },
    });

    const { prisma } = t.aims.core;
    expect(await prisma.vendor.findUniqueOrThrow({ where: { reference: "VEN-0001" } })).toMatchObject({ name: "Acme", nameKey: "acme", status: "not_reviewed", ownerChannel: "slack", ownerId: VENDOR_OWNER, controls: ["A.10.2", "A.10.3"] });
    expect((await prisma.aiSystem.findUniqueOrThrow({ where: { reference: "SYS-0001" } })).vendorId).not.toBeNull();
    expect(JSON.stringify((await commandReply(EMPLOYEE, "register")).blocks)).toContain("vendor VEN-0001: ⚪ not reviewed");
  });

  it("sends the questionnaire to the vendor's owner in a DM whose button opens the form; each answer is a new version", async () => {
    expect(actionValues(detail)).toHaveProperty(ids.actions.send);
    const sent = (await clickInModal(OWNER, detail, ids.actions.send, "views.update")).args.view as View;
    expect(JSON.stringify(sent.blocks)).toContain("The questionnaire is sent to <@UVENDOWN01>.");
    const [dm] = await eventually(() => {
      const found = questionnaireDms();
      expect(found, "questionnaire DM").toHaveLength(1);
      return found;
    }, WAIT_MS);
    expect(String(dm!.args.text)).toContain("Please answer the due-diligence questionnaire for Acme");

    const form = await clickInDm(VENDOR_OWNER, dm!, ids.actions.answersForm);
    expect(form.callback_id).toBe(ids.views.answers);
    const missing = await submit(VENDOR_OWNER, form, { ...answersState(""), dpa: { value: { type: "radio_buttons", selected_option: null } } });
    expect(await missing.json()).toEqual({ response_action: "errors", errors: { retention: "Answer this question", dpa: "Choose an answer" } });
    const saved = await submit(VENDOR_OWNER, form, answersState("30 days"));
    const view = ((await saved.json()) as { view: View }).view;
    expect(JSON.stringify(view.blocks)).toContain("Answers saved as version 1.");
    expect(JSON.stringify(view.blocks)).toContain("ISO/IEC 27001, SOC 2 Type II");

    // Someone else may not answer for the vendor.
    expect(actionValues(await commandView(EMPLOYEE, "vendors acme"))).not.toHaveProperty(ids.actions.answersForm);
  });

  it("lets the owner record the outcome; the register shows it and the re-review is due a year later", async () => {
    const mine = { ...(await commandView(VENDOR_OWNER, "vendors ACME")) };
    const push = await clickInModal(VENDOR_OWNER, mine, ids.actions.outcomeForm, "views.push");
    const form = push.response.view as View;
    expect(form.callback_id).toBe(ids.views.outcome);
    expect(await (await submit(VENDOR_OWNER, form, { outcome: radio("acceptable_with_conditions"), note: text(null) })).json()).toEqual({
      response_action: "errors",
      errors: { note: "Give the conditions of use" },
    });
    expect((await submit(VENDOR_OWNER, form, { outcome: radio("acceptable_with_conditions"), note: text("No customer personal data") })).status).toBe(200);
    await t.fake.waitFor("views.update", (call) => JSON.stringify(call.args.view).includes("Outcome recorded: Acceptable with conditions. The next review is due on 2028-02-01."), WAIT_MS);

    const vendor = await t.aims.core.prisma.vendor.findUniqueOrThrow({ where: { reference: "VEN-0001" } });
    expect(vendor).toMatchObject({ status: "acceptable_with_conditions", outcomeNote: "No customer personal data", reviewedAt: clock.now(), nextReviewAt: new Date("2028-02-01T10:00:00Z") });
    expect(JSON.stringify((await commandReply(EMPLOYEE, "register")).blocks)).toContain("vendor VEN-0001: 🟡 reviewed: acceptable with conditions");
    const list = await commandView(EMPLOYEE, "vendors");
    expect(JSON.stringify(list.blocks)).toContain("**Acme** (VEN-0001) · 🟡 reviewed: acceptable with conditions".replaceAll("**", "*"));
  });

  it("reminds the owner of the yearly re-review; Mark done sends the questionnaire again, and the new answers are version 2", async () => {
    await tick(t);
    expect(dmsTo(t, VENDOR_OWNER).some((call) => JSON.stringify(call.args.blocks ?? []).includes("Yearly review of vendor"))).toBe(false);

    clock.set(new Date("2028-02-01T10:00:00Z")); // a Tuesday, a year on
    expect(JSON.stringify((await commandView(EMPLOYEE, "vendors acme")).blocks)).toContain("review overdue");
    await tick(t);
    const reminder = dmsTo(t, VENDOR_OWNER).find((call) => JSON.stringify(call.args.blocks ?? []).includes('"due:VEN-0001"'));
    expect(reminder, "reminder DM to the vendor's owner").toBeDefined();
    expect(`${String(reminder!.args.text)} ${JSON.stringify(reminder!.args.blocks)}`).toContain("Yearly review of vendor Acme (VEN-0001)");

    const before = questionnaireDms().length;
    const { modal } = await clickReminder(t, VENDOR_OWNER, reminder!, SLACK_IDS.scheduling.markDone);
    expect(await submitModal(t, VENDOR_OWNER, await modal(), { note: "Sent for the yearly review" })).toMatchObject({ response_action: "update" });
    expect(await t.aims.core.prisma.vendor.findUniqueOrThrow({ where: { reference: "VEN-0001" } })).toMatchObject({ status: "review_sent", questionnaireSentAt: clock.now() });
    const dms = await eventually(() => {
      const found = questionnaireDms();
      expect(found.length).toBe(before + 1);
      return found;
    }, WAIT_MS);

    const form = await clickInDm(VENDOR_OWNER, dms.at(-1)!, ids.actions.answersForm);
    expect(JSON.stringify(form.blocks)).toContain("30 days"); // the latest answers, to change what moved
    const saved = await submit(VENDOR_OWNER, form, answersState("Zero retention"));
    expect(JSON.stringify(((await saved.json()) as { view: View }).view.blocks)).toContain("Answers saved as version 2.");

    const { prisma } = t.aims.core;
    const reviews = await prisma.vendorReview.findMany({ orderBy: { version: "asc" } });
    expect(reviews.map((review) => [review.version, (review.answers as { retention: string }).retention, review.outcome, review.definitionVersion])).toEqual([
      [1, "30 days", "acceptable_with_conditions", 1],
      [2, "Zero retention", null, 1],
    ]);
    const trail = await prisma.auditEvent.findMany({ where: { entityType: { in: ["vendor", "vendor_review"] } }, orderBy: { id: "asc" } });
    expect(trail.map((event) => [event.action, event.actorId])).toEqual([
      ["vendor.added", OWNER],
      ["vendor.questionnaire_sent", OWNER],
      ["vendor_review.answered", VENDOR_OWNER],
      ["vendor_review.decided", VENDOR_OWNER],
      ["vendor.outcome_recorded", VENDOR_OWNER],
      ["vendor.questionnaire_sent", VENDOR_OWNER],
      ["vendor_review.answered", VENDOR_OWNER],
    ]);
    expect(trail.every((event) => event.controls.includes("A.10.2") && event.controls.includes("A.10.3"))).toBe(true);

    // In the SoA evidence counts and the audit pack.
    expect((await countRecordsByControl(prisma, [vendors])).get("A.10.3")).toBe(1);
    expect((await countRecordsByControl(prisma, [vendorReviews])).get("A.10.3")).toBe(2);
  });
});
