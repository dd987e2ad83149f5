import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SLACK_IDS } from "../../../../src/channels/slack/ids.js";
import { fixedClock } from "../../../../src/core/clock.js";
import { AUDIT_IDS } from "../../../../src/features/internal-audits/conversation/internal-audit-ids.js";
import { EMPLOYEE, OWNERS, startTestAims, type TestAims } from "../../../support/aims-harness.js";
import type { FakeSlackCall } from "../../../support/fake-slack/index.js";
import { SCHEDULING_ENV, click as clickReminder, dmsTo, submitModal, tick } from "../scheduling/scheduling-steps.js";

const clock = fixedClock(new Date("2027-02-01T10:00:00Z")); // a Monday, 10:00 in London
const OWNER = OWNERS[0];
const AUDITOR = "UAUDITOR01";
const WAIT_MS = 20_000;
const ids = AUDIT_IDS;

type Block = { type: string; block_id?: string; text?: { text: string }; accessory?: { action_id: string; value: string }; elements?: { action_id?: string; value?: string }[] };
type View = { id: string; callback_id: string; private_metadata: string; blocks: Block[] };

let t: TestAims;
beforeAll(async () => {
  t = await startTestAims({ clock, env: { ...SCHEDULING_ENV, SLACK_MANAGERS_CHANNEL: "" } });
  for (const id of [OWNER, AUDITOR, EMPLOYEE]) t.fake.addUser({ id, name: id.toLowerCase() });
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

async function commandReply(userId: string, text: string): Promise<string> {
  const responseUrl = t.fake.newResponseUrl();
  await t.slack.command(userId, text, { responseUrl });
  const post = await t.fake.waitForResponseUrlPost((p) => p.url === responseUrl, WAIT_MS);
  return String((post.body as { text?: string }).text);
}

const blockOf = (view: { blocks: Block[] }, blockId: string) => view.blocks.find((block) => block.block_id === blockId)!;
const actionValues = (view: { blocks: Block[] }) =>
  Object.fromEntries(view.blocks.flatMap((block) => [...(block.elements ?? []), ...(block.accessory ? [block.accessory] : [])]).map((element) => [element.action_id!, element.value ?? ""]));

/** Clicks a button in a modal; returns the view pushed or updated in answer. */
async function clickInModal(userId: string, view: View, actionId: string, blockId: string, value: string, answer: "views.push" | "views.update"): Promise<FakeSlackCall> {
  const before = t.fake.callsTo(answer).length;
  expect((await t.slack.action({ userId, view: { id: view.id }, actions: [{ action_id: actionId, block_id: blockId, value }] })).status).toBe(200);
  const [call] = (await t.fake.waitForCount(answer, before + 1, WAIT_MS)).slice(before);
  expect(call!.response.ok, JSON.stringify(call!.response)).toBe(true);
  return call!;
}

/** A click in a modal that is refused: the bot says why in a DM, and the modal stays as it was. */
async function refusedClick(userId: string, view: View, actionId: string, blockId: string, value: string, says: string) {
  const pushes = t.fake.callsTo("views.push").length;
  await t.slack.action({ userId, view: { id: view.id }, actions: [{ action_id: actionId, block_id: blockId, value }] });
  await t.fake.waitFor("chat.postMessage", (call) => call.args.channel === userId && String(call.args.text).includes(says), WAIT_MS);
  expect(t.fake.callsTo("views.push")).toHaveLength(pushes);
}

const submit = (userId: string, view: View, values: Record<string, unknown>) =>
  t.slack.submitView(userId, { id: view.id, callback_id: view.callback_id, private_metadata: view.private_metadata, state: { values: values as never } });

const planState = (auditor: string, scope: string[], start = "2027-02-04", end = "2027-02-05") => ({
  title: { value: { type: "plain_text_input", value: "Q1 audit of policy and audits" } },
  auditorId: { value: { type: "users_select", selected_user: auditor } },
  scope: { value: { type: "multi_static_select", selected_options: scope.map((value) => ({ value })) } },
  plannedStart: { value: { type: "datepicker", selected_date: start } },
  plannedEnd: { value: { type: "datepicker", selected_date: end } },
});

const findingState = (kind: string, note: string, links = "") => ({
  kind: { value: { type: "radio_buttons", selected_option: { value: kind } } },
  note: { value: { type: "plain_text_input", value: note } },
  evidenceLinks: { value: { type: "plain_text_input", value: links || null } },
});

describe("internal audits through Slack (ISO 42001 9.2)", () => {
  let checklist: View;

  it("lets staff read the programme, and only AIMS owners plan, with an auditor independent of the scope", async () => {
    const empty = await commandView(EMPLOYEE, "audit");
    expect(empty.callback_id).toBe(ids.views.programme);
    expect(JSON.stringify(empty.blocks)).toContain("No internal audit is planned yet.");
    expect(actionValues(empty)).not.toHaveProperty(ids.actions.planForm);
    expect(await commandReply(EMPLOYEE, "audit plan")).toBe("Only AIMS owners can plan internal audits.");

    const form = await commandView(OWNER, "audit plan");
    expect(form.callback_id).toBe(ids.views.plan);
    const scopeOptions = (blockOf(form, "scope") as unknown as { element: { options: unknown[] } }).element.options;
    expect(scopeOptions.length).toBeGreaterThan(50);

    const ownAudit = await submit(OWNER, form, planState(OWNER, ["5.2", "A.2.2"]));
    expect(await ownAudit.json()).toEqual({ response_action: "errors", errors: { auditorId: expect.stringContaining("An AIMS owner runs the management system, so cannot audit its clauses (5.2)") } });
    const past = await submit(OWNER, form, planState(AUDITOR, ["9.2"], "2027-01-01"));
    expect(await past.json()).toEqual({ response_action: "errors", errors: { plannedStart: "The audit cannot start in the past" } });

    const planned = await submit(OWNER, form, planState(AUDITOR, ["A.2.2", "9.2"]));
    const answer = (await planned.json()) as { response_action: string; view: View };
    expect(answer.response_action).toBe("update");
    checklist = { ...answer.view, id: form.id };
    expect(checklist.blocks.filter((block) => block.block_id?.startsWith("audit-item:")).map((block) => block.block_id)).toEqual(["audit-item:9.2", "audit-item:A.2.2"]);
    expect(JSON.stringify(checklist.blocks)).toContain("AUD-0001 is planned");
    expect(actionValues(checklist)).toHaveProperty(ids.actions.start);

    const audit = await t.aims.core.prisma.internalAudit.findUniqueOrThrow({ where: { reference: "AUD-0001" } });
    expect(audit).toMatchObject({ status: "planned", auditorChannel: "slack", auditorId: AUDITOR, scope: ["9.2", "A.2.2"], plannedStart: new Date("2027-02-04T00:00:00Z"), controls: ["9.2"] });
    const events = await t.aims.core.prisma.auditEvent.findMany({ where: { entityType: "internal_audit" } });
    expect(events.map((event) => [event.action, event.actorId, event.controls])).toEqual([["internal_audit.planned", OWNER, ["9.2"]]]);

    const programme = await commandView(EMPLOYEE, "audit");
    expect(blockOf(programme, "audit:AUD-0001").text!.text).toContain("Planned");
  });

  it("reminds the auditor of the planned start; Mark done there starts the audit", async () => {
    await tick(t);
    const reminder = dmsTo(t, AUDITOR).find((call) => JSON.stringify(call.args.blocks ?? []).includes('"due:AUD-0001"'));
    expect(reminder, "reminder DM to the auditor").toBeDefined();
    expect(`${String(reminder!.args.text)} ${JSON.stringify(reminder!.args.blocks)}`).toContain("Internal audit AUD-0001: Q1 audit of policy and audits");

    const { modal } = await clickReminder(t, AUDITOR, reminder!, SLACK_IDS.scheduling.markDone);
    expect(await submitModal(t, AUDITOR, await modal(), { note: "Opening meeting held", link: "https://wiki.example.com/aud-1" })).toMatchObject({ response_action: "update" });
    const audit = await t.aims.core.prisma.internalAudit.findUniqueOrThrow({ where: { reference: "AUD-0001" } });
    expect(audit).toMatchObject({ status: "in_progress", startedAt: clock.now() });
  });

  it("records a finding per item by the auditor alone, and reports once every item has one", async () => {
    const view = await commandView(AUDITOR, "audit AUD-0001");
    expect(view.callback_id).toBe(ids.views.checklist);
    const item = blockOf(view, "audit-item:9.2");
    // The audit itself and the reminder completed when it started, as the SoA and the audit pack count them.
    expect(item.text!.text).toContain("Evidence held: Completed reviews and due items, with their evidence 1 · Internal audits 1");
    expect(item.accessory!.action_id).toBe(ids.actions.findingForm);

    await refusedClick(EMPLOYEE, view, ids.actions.findingForm, "audit-item:9.2", item.accessory!.value, "Only the auditor of AUD-0001 can do that.");
    const push = await clickInModal(AUDITOR, view, ids.actions.findingForm, "audit-item:9.2", item.accessory!.value, "views.push");
    const form = push.response.view as View;
    expect(form.callback_id).toBe(ids.views.finding);

    const badLink = await submit(AUDITOR, form, findingState("minor_nc", "No audit criteria are written down", "ftp://files.example.com/plan"));
    expect(await badLink.json()).toEqual({ response_action: "errors", errors: { evidenceLinks: "Each evidence link must be a full https:// link" } });
    const updates = t.fake.callsTo("views.update").length;
    const saved = await submit(AUDITOR, form, findingState("minor_nc", "No audit criteria are written down", "https://wiki.example.com/audit-programme\nhttps://wiki.example.com/criteria"));
    expect(saved.status).toBe(200);
    const [update] = (await t.fake.waitForCount("views.update", updates + 1, WAIT_MS)).slice(updates);
    expect(update!.args.view_id).toBe(view.id);
    const after = update!.args.view as View;
    expect(blockOf(after, "audit-item:9.2").text!.text).toMatch(/Minor nonconformity\*: No audit criteria are written down[\s\S]*https:\/\/wiki\.example\.com\/audit-programme/);

    // The nonconformity found raises one in the nonconformity log (10.2), raised by the auditor, owned by the planner.
    const { prisma: db, events } = t.aims.core;
    await expect.poll(() => db.nonconformity.count(), { timeout: WAIT_MS }).toBe(1);
    // Revised to a major nonconformity, the finding still has one nonconformity (its id is the key).
    const revise = await clickInModal(AUDITOR, view, ids.actions.findingForm, "audit-item:9.2", item.accessory!.value, "views.push");
    expect((await submit(AUDITOR, revise.response.view as View, findingState("major_nc", "No audit criteria are written down"))).status).toBe(200);
    await t.fake.waitFor("views.update", (call) => JSON.stringify(call.args.view).includes("Major nonconformity"), WAIT_MS);
    await events.deliverPending();
    const ncs = await db.nonconformity.findMany();
    expect(ncs.map((nc) => [nc.reference, nc.sourceKind, nc.sourceRef, nc.raisedById, nc.ownerId, nc.status])).toEqual([["NC-0001", "audit_finding", "AUD-0001/9.2", AUDITOR, OWNER, "open"]]);
    expect(ncs[0]!.description).toBe("Minor nonconformity found by internal audit AUD-0001 on 9.2: No audit criteria are written down");
    const raised = await db.auditEvent.findFirstOrThrow({ where: { action: "nonconformity.raised", entityId: "NC-0001" } });
    expect(raised.actorId).toBe(AUDITOR);
    expect(blockOf(await commandView(AUDITOR, "audit AUD-0001"), "audit-item:9.2").text!.text).toContain("Nonconformity raised: NC-0001");
    const list = await commandView(OWNER, "nc");
    expect(JSON.stringify(list.blocks)).toContain("raised from Internal audit finding AUD-0001/9.2");

    await refusedClick(AUDITOR, view, ids.actions.report, "actions", actionValues(view)[ids.actions.report]!, "record a finding on A.2.2 first");

    const second = await clickInModal(AUDITOR, view, ids.actions.findingForm, "audit-item:A.2.2", blockOf(view, "audit-item:A.2.2").accessory!.value, "views.push");
    expect((await submit(AUDITOR, second.response.view as View, findingState("conforming", "The AI policy is approved and published"))).status).toBe(200);
    await t.fake.waitFor("views.update", (call) => JSON.stringify(call.args.view).includes("The AI policy is approved"), WAIT_MS);

    const reported = await clickInModal(AUDITOR, view, ids.actions.report, "actions", actionValues(view)[ids.actions.report]!, "views.update");
    const final = reported.args.view as View;
    expect(JSON.stringify(final.blocks)).toContain("AUD-0001 is reported");
    expect(actionValues(final)).not.toHaveProperty(ids.actions.findingForm);

    const { prisma } = t.aims.core;
    expect(await prisma.internalAudit.findUniqueOrThrow({ where: { reference: "AUD-0001" } })).toMatchObject({ status: "reported", reportedAt: clock.now() });
    const findings = await prisma.auditFinding.findMany({ orderBy: { id: "asc" } });
    expect(findings.map((finding) => [finding.item, finding.kind, finding.evidenceLinks, finding.recordedById])).toEqual([
      ["9.2", "major_nc", [], AUDITOR],
      ["A.2.2", "conforming", [], AUDITOR],
    ]);
    const trail = await prisma.auditEvent.findMany({ where: { entityType: { in: ["internal_audit", "audit_finding"] } }, orderBy: { id: "asc" } });
    expect(trail.map((event) => [event.action, event.actorId])).toEqual([
      ["internal_audit.planned", OWNER],
      ["internal_audit.started", AUDITOR],
      ["audit_finding.recorded", AUDITOR],
      ["audit_finding.revised", AUDITOR],
      ["audit_finding.recorded", AUDITOR],
      ["internal_audit.reported", AUDITOR],
    ]);
    expect(trail.every((event) => event.controls.includes("9.2"))).toBe(true);
  });
});
