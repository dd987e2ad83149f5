import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readBlockKitValues, readFormMetadata } from "../../../src/channels/slack/conversation/block-kit-form.js";
import { type PromisedForm, SAVING_TEXT } from "../../../src/channels/slack/conversation/capability-forms.js";
import { slackActor } from "../../../src/channels/slack/slack-actor.js";
import { EMPLOYEE, startTestAims, type TestAims } from "../../support/aims-harness.js";
import { eventually } from "../../support/eventually.js";
import { requestFormState, VALID_REQUEST } from "../../support/request-form-state.js";
import { openRequestModal } from "../../support/request-steps.js";
import { sample, scrapeMetrics } from "../../support/metrics-text.js";

// A form that is not saved within SLACK_FORM_SAVE_WAIT_MS of its arrival is acknowledged with "saving…" and answered
// when saved. With 0 every request form takes that way, as it does in a burst.
let t: TestAims;
const METRICS_TOKEN = "form-saving-test-metrics-token-0123";
beforeAll(async () => {
  t = await startTestAims({ env: { SLACK_FORM_SAVE_WAIT_MS: "0", METRICS_TOKEN } });
});
afterAll(async () => {
  await t?.stop();
});

const textOf = (value: unknown) => JSON.stringify(value);
const standingBy = () => t.aims.core.prisma.outboxDelivery.count({ where: { event: "slack.form.saving" } });

async function submitted(toolName: string) {
  const view = await openRequestModal(t, EMPLOYEE);
  const response = await t.slack.submitView(EMPLOYEE, { ...view, state: { values: requestFormState({ ...VALID_REQUEST, toolName }) } });
  expect(response.status).toBe(200);
  return { view, ack: (await response.json()) as { response_action?: string; view?: unknown; errors?: Record<string, string> } };
}

/** What a replica that died after acknowledging a form leaves behind: its stand-by record, now due. */
async function leftByADeadReplica(view: { id: string; private_metadata: string }, toolName: string) {
  const promised: PromisedForm = {
    form: "request.submit",
    actor: slackActor(EMPLOYEE),
    values: readBlockKitValues(requestFormState({ ...VALID_REQUEST, toolName }) as never),
    state: readFormMetadata(view.private_metadata).state,
    title: "Request an AI tool",
    viewId: view.id,
  };
  await t.aims.core.events.standBy("slack.form.saving", promised, `form:${view.id}`);
  await t.aims.core.prisma.outboxDelivery.updateMany({ where: { event: "slack.form.saving" }, data: { availableAt: null } });
}

describe("a request form acknowledged before it is saved", () => {
  it("says saving…, then shows the receipt in the same modal; the request is filed once and nothing stays on stand-by", async () => {
    const { view, ack } = await submitted("Saved after the ack");
    expect(ack.response_action).toBe("update");
    expect(textOf(ack.view)).toContain(SAVING_TEXT);

    const updated = await t.fake.waitFor("views.update", (call) => call.args.view_id === view.id);
    expect(updated.response.ok).toBe(true);
    const { prisma } = t.aims.core;
    const filed = await prisma.aiToolRequest.findMany({ where: { toolName: "Saved after the ack" } });
    expect(filed).toHaveLength(1);
    expect(textOf(updated.args.view)).toContain(filed[0]!.reference);
    await eventually(async () => expect(await standingBy()).toBe(0));
    const metrics = await scrapeMetrics(t.aims.url, METRICS_TOKEN);
    expect(sample(metrics, "aims_slack_form_acks_total", { how: "saving" })).toBe(1);
  });

  it("files the request when the person closed the modal before the answer came, and logs no error", async () => {
    t.fake.failNext("views.update", "not_found");
    const { view } = await submitted("Closed while saving");
    await t.fake.waitFor("views.update", (call) => call.args.view_id === view.id);
    const { prisma } = t.aims.core;
    await eventually(async () => expect(await prisma.aiToolRequest.count({ where: { toolName: "Closed while saving" } })).toBe(1));
    await eventually(() => expect(t.logs()).toContain("the modal was closed before its answer could be shown"));
    expect(t.logs()).not.toContain("could not update a Slack view");
    await eventually(async () => expect(await standingBy()).toBe(0));
  });

  it("still answers field errors in the form, which need no save", async () => {
    const { ack } = await submitted("   ");
    expect(ack).toEqual({ response_action: "errors", errors: { toolName: expect.any(String) } });
    expect(await standingBy()).toBe(0);
  });

  it("is filed by another replica when the one that acknowledged it died: the modal shows the receipt; a second run files nothing new", async () => {
    const view = await openRequestModal(t, EMPLOYEE);
    await leftByADeadReplica(view, "Saved by a survivor");
    await t.aims.core.events.deliverPending();
    const first = await t.fake.waitFor("views.update", (call) => call.args.view_id === view.id);
    const { prisma } = t.aims.core;
    const [filed] = await prisma.aiToolRequest.findMany({ where: { toolName: "Saved by a survivor" } });
    expect(textOf(first.args.view)).toContain(filed!.reference);
    expect(await standingBy()).toBe(0);

    // Its lease ran out while it was still saving, so a third replica runs it too.
    await leftByADeadReplica(view, "Saved by a survivor");
    await t.aims.core.events.deliverPending();
    await eventually(() => expect(t.fake.callsTo("views.update").filter((call) => call.args.view_id === view.id)).toHaveLength(2));
    expect(await prisma.aiToolRequest.count({ where: { toolName: "Saved by a survivor" } })).toBe(1);
    expect(textOf(t.fake.callsTo("views.update").at(-1)!.args.view)).toContain(filed!.reference);
  });

  // The test must hold the save back from another connection: a server's sessions, not the embedded database's one.
  it.skipIf(!process.env.DATABASE_URL)("is saved later when the database goes away while saving it: the modal then shows the receipt", async () => {
    const view = await openRequestModal(t, EMPLOYEE);
    const toolName = "Saved after an outage";
    const holder = new pg.Client({ connectionString: t.databaseLink.url });
    await holder.connect();
    holder.on("error", () => undefined);
    await holder.query("BEGIN");
    await holder.query('LOCK TABLE "AiToolRequest" IN SHARE ROW EXCLUSIVE MODE');
    const response = await t.slack.submitView(EMPLOYEE, { ...view, state: { values: requestFormState({ ...VALID_REQUEST, toolName }) } });
    expect(textOf(await response.json())).toContain(SAVING_TEXT);
    t.databaseLink.cut();
    await eventually(() => expect(t.logs()).toContain("its stand-by record saves it later"), 10_000);
    t.databaseLink.restore();
    await holder.end().catch(() => undefined);

    const { prisma } = t.aims.core;
    expect(await prisma.aiToolRequest.count({ where: { toolName } })).toBe(0);
    // Time passes: the record falls due to any replica, this one included.
    expect((await prisma.outboxDelivery.updateMany({ where: { event: "slack.form.saving" }, data: { availableAt: null } })).count).toBe(1);
    await t.aims.core.events.deliverPending();
    const updated = await t.fake.waitFor("views.update", (call) => call.args.view_id === view.id && textOf(call.args.view).includes("REQ-"));
    const [filed] = await prisma.aiToolRequest.findMany({ where: { toolName } });
    expect(textOf(updated.args.view)).toContain(filed!.reference);
    await eventually(async () => expect(await standingBy()).toBe(0));
  });
});
