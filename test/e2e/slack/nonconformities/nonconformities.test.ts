import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../../../src/core/clock.js";
import { NC_IDS } from "../../../../src/features/nonconformities/conversation/nc-ids.js";
import { EMPLOYEE, OWNERS, startTestAims, type TestAims } from "../../../support/aims-harness.js";
import { eventually } from "../../../support/eventually.js";
import { stateValues } from "../../../support/slack-requests.js";

const OWNER = OWNERS[0];
const NC_OWNER = "UNCOWNER01";
const ACTION_OWNER = "UACTOWNER1";
/** Tuesday 1 December 2026, 10:00 UTC. */
const NOW = new Date("2026-12-01T10:00:00Z");
const WAIT_MS = 20_000;

let t: TestAims;
beforeAll(async () => {
  t = await startTestAims({ clock: fixedClock(NOW) });
  for (const id of [EMPLOYEE, OWNER, NC_OWNER, ACTION_OWNER]) t.fake.addUser({ id, name: id.toLowerCase() });
}, 180_000);
afterAll(async () => {
  await t?.stop();
});

type Element = { action_id?: string; value?: string };
type Block = { type: string; block_id?: string; text?: { text: string }; accessory?: Element; elements?: Element[] };
type View = { id: string; callback_id: string; private_metadata: string; blocks: Block[] };

const viewText = (view: { blocks: Block[] }) => JSON.stringify(view.blocks);

/** Runs `/aims <text>` and returns the modal it opened. */
async function commandView(userId: string, text: string): Promise<View> {
  const before = t.fake.callsTo("views.open").length;
  expect((await t.slack.command(userId, text, { responseUrl: t.fake.newResponseUrl() })).status).toBe(200);
  const [call] = (await t.fake.waitForCount("views.open", before + 1, WAIT_MS)).slice(before);
  expect(call.response.ok, JSON.stringify(call.response)).toBe(true);
  return call.response.view as View;
}

/** The button `actionId` of a view, wherever it is (beside a section or at the bottom), optionally in one block. */
function button(view: View, actionId: string, blockId?: string): { block_id: string; action_id: string; value: string } {
  for (const block of view.blocks) {
    if (blockId && block.block_id !== blockId) continue;
    for (const element of [block.accessory, ...(block.elements ?? [])]) {
      if (element?.action_id === actionId) return { block_id: block.block_id ?? "actions", action_id: actionId, value: element.value ?? "" };
    }
  }
  throw new Error(`no ${actionId} in ${viewText(view)}`);
}

/** Clicks a button of a modal; returns the form pushed over it. */
async function pushedBy(userId: string, view: View, actionId: string, blockId?: string): Promise<View> {
  const before = t.fake.callsTo("views.push").length;
  await t.slack.action({ userId, view: { id: view.id }, actions: [button(view, actionId, blockId)] });
  const [push] = (await t.fake.waitForCount("views.push", before + 1, WAIT_MS)).slice(before);
  expect(push.response.ok, JSON.stringify(push.response)).toBe(true);
  return push.response.view as View;
}

/** Clicks a button of a modal that answers with a DM; returns its text. */
async function dmAfterClick(userId: string, view: View, actionId: string, expected: string): Promise<string> {
  await t.slack.action({ userId, view: { id: view.id }, actions: [button(view, actionId)] });
  const dm = await t.fake.waitFor("chat.postMessage", (call) => call.args.channel === userId && String(call.args.text).includes(expected), WAIT_MS);
  return String(dm.args.text);
}

async function submit(userId: string, form: View, values: Record<string, string | { date: string } | { user: string } | { option: string }>) {
  const state: Record<string, Record<string, Record<string, unknown> & { type: string }>> = {};
  for (const [blockId, value] of Object.entries(values)) {
    let element: Record<string, unknown> & { type: string };
    if (typeof value === "string") element = { type: "plain_text_input", value };
    else if ("date" in value) element = { type: "datepicker", selected_date: value.date };
    else if ("user" in value) element = { type: "users_select", selected_user: value.user };
    else element = { type: "radio_buttons", selected_option: { value: value.option } };
    state[blockId] = { value: element };
  }
  const response = await t.slack.submitView(userId, { id: form.id, callback_id: form.callback_id, private_metadata: form.private_metadata, state: { values: stateValues(state) } });
  expect(response.status).toBe(200);
  const body = await response.text();
  return body ? (JSON.parse(body) as { response_action: string; errors?: Record<string, string>; view?: { blocks: Block[] } }) : null;
}

const nc = (reference = "NC-0001") => t.aims.core.nonconformities.details(reference);

describe("nonconformities through Slack", () => {
  it("raises one by hand, records the reaction, root cause and an action, marks it done and closes it on an effective check", async () => {
    const empty = await commandView(OWNER, "nc");
    expect(viewText(empty)).toContain("No nonconformity is open.");

    const raise = await commandView(EMPLOYEE, "nc raise");
    expect(raise.callback_id).toBe(NC_IDS.raise);
    expect(await submit(EMPLOYEE, raise, { description: "Two AI systems have no model card.", source: "XYZ-1", ownerId: { user: NC_OWNER } })).toMatchObject({
      response_action: "errors",
      errors: { source: expect.stringContaining("Give an incident (INC-0001)") },
    });
    const raised = await submit(EMPLOYEE, raise, { description: "Two AI systems have no model card.", ownerId: { user: NC_OWNER } });
    expect(raised?.response_action).toBe("update");
    expect(viewText(raised!.view!)).toContain("Two AI systems have no model card.");
    expect(await nc()).toMatchObject({ reference: "NC-0001", status: "open", sourceKind: "manual", ownerChannel: "slack", ownerId: NC_OWNER, raisedById: EMPLOYEE });

    const asEmployee = await commandView(EMPLOYEE, "nc NC-0001");
    expect(await dmAfterClick(EMPLOYEE, asEmployee, NC_IDS.actionForm, "Only the owner")).toContain("Only the owner of NC-0001 and the AIMS owners can change it.");

    const view = await commandView(NC_OWNER, "nc NC-0001");
    const analysis = await pushedBy(NC_OWNER, view, NC_IDS.analysisForm);
    expect(await submit(NC_OWNER, analysis, { reaction: "Cards drafted for both systems.", rootCause: "No model card template or check at registration." })).toBeNull();
    await eventually(async () => expect(await nc()).toMatchObject({ reaction: "Cards drafted for both systems.", rootCause: "No model card template or check at registration." }));

    const actionForm = await pushedBy(NC_OWNER, view, NC_IDS.actionForm);
    expect(await submit(NC_OWNER, actionForm, { description: "Add a model card check to registration", ownerId: { user: ACTION_OWNER }, dueDate: { date: "2026-11-30" } })).toMatchObject({
      response_action: "errors",
      errors: { dueDate: "The due date cannot be in the past" },
    });
    expect(await submit(NC_OWNER, actionForm, { description: "Add a model card check to registration", ownerId: { user: ACTION_OWNER }, dueDate: { date: "2026-12-15" } })).toBeNull();
    const [action] = (await nc())!.correctiveActions;
    expect(action).toMatchObject({ ownerChannel: "slack", ownerId: ACTION_OWNER, dueDate: new Date("2026-12-15T00:00:00Z"), status: "open", nonconformityId: expect.any(Number), incidentId: null });

    const asActionOwner = await commandView(ACTION_OWNER, "nc NC-0001");
    expect(viewText(asActionOwner)).toContain("Add a model card check to registration");
    const updatesBefore = t.fake.callsTo("views.update").length;
    await t.slack.action({ userId: ACTION_OWNER, view: { id: asActionOwner.id }, actions: [button(asActionOwner, NC_IDS.actionDone, `nc-action:${action!.id}`)] });
    const [update] = (await t.fake.waitForCount("views.update", updatesBefore + 1, WAIT_MS)).slice(updatesBefore);
    expect(JSON.stringify(update.args.view)).toContain("Awaiting the effectiveness check");
    expect(await nc()).toMatchObject({ status: "checking", checkDueAt: new Date("2026-12-31T00:00:00Z") });

    const checking = await commandView(NC_OWNER, "nc NC-0001");
    const check = await pushedBy(NC_OWNER, checking, NC_IDS.checkForm);
    expect(await submit(NC_OWNER, check, { outcome: { option: "effective" }, note: "Every system in the register has a card." })).toBeNull();
    await eventually(async () => expect(await nc()).toMatchObject({ status: "closed", closedAt: NOW, checks: [expect.objectContaining({ effective: true, checkerId: NC_OWNER })] }));

    const list = await commandView(OWNER, "nc");
    expect(viewText(list)).toContain("No nonconformity is open.");
    expect(viewText(list)).toContain("1 closed.");
    const audit = await t.aims.core.prisma.auditEvent.findMany({ where: { entityType: { in: ["nonconformity", "corrective_action"] } }, orderBy: { id: "asc" } });
    expect(audit.map((event) => event.action)).toEqual([
      "nonconformity.raised",
      "nonconformity.analysed",
      "nonconformity.corrective_action_added",
      "corrective_action.done",
      "nonconformity.check_scheduled",
      "nonconformity.closed",
    ]);
  });

  it("keeps the improvement log: anyone adds one, the AIMS owner plans it", async () => {
    const form = await commandView(EMPLOYEE, "improvements add");
    expect(await submit(EMPLOYEE, form, { title: "Publish model cards", description: "Show each system's card in the register." })).toMatchObject({ response_action: "update" });
    expect(await t.aims.core.improvements.find("IMP-0001")).toMatchObject({ status: "open", raisedById: EMPLOYEE, controls: ["10.1"] });

    const log = await commandView(OWNER, "improvements");
    expect(viewText(log)).toContain("Publish model cards");
    const status = await pushedBy(OWNER, log, NC_IDS.improvementStatusForm, "improvement:IMP-0001");
    expect(await submit(OWNER, status, { status: { option: "planned" }, note: "Next quarter" })).toBeNull();
    await eventually(async () => expect(await t.aims.core.improvements.find("IMP-0001")).toMatchObject({ status: "planned", statusNote: "Next quarter" }));
  });
});
