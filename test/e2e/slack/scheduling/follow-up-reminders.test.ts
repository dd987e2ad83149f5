import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ASSESSMENT_IDS } from "../../../../src/channels/slack/assessments/ids.js";
import { START_REASSESSMENT } from "../../../../src/features/scheduler/conversation/scheduling-ids.js";
import { fixedClock } from "../../../../src/core/clock.js";
import { EMPLOYEE, OWNERS, startTestAims, type TestAims } from "../../../support/aims-harness.js";
import { eventually } from "../../../support/eventually.js";
import { CONCERN_ENV, clickTriage, fileConcern, ids as concernIds, referenceIn, TRIAGERS, triagePost } from "../concerns/concern-steps.js";
import { SCHEDULING_ENV, buttons, click, dmsTo, ids, submitModal, tick } from "./scheduling-steps.js";
import { VALID_INCIDENT } from "../../../support/incident-form-state.js";
import { seedAiSystem, seedAssessment as seedAssessmentOf } from "../../../support/register-fixtures.js";

const clock = fixedClock(new Date("2027-02-01T10:00:00Z")); // a Monday, 10:00 in London
const OWNER = OWNERS[0];
const ACTION_OWNER = "UACTIONOWN1";
const SYSTEM_OWNER = "USYSOWNER01";
const INCIDENTS_CHANNEL = "C0INCIDENTS";
let t: TestAims;

beforeAll(async () => {
  t = await startTestAims({
    clock,
    env: { ...SCHEDULING_ENV, ...CONCERN_ENV, SLACK_MANAGERS_CHANNEL: "", SLACK_INCIDENTS_CHANNEL: INCIDENTS_CHANNEL },
  });
});
afterAll(async () => {
  await t?.stop();
});

/** Reminder DMs (with their buttons) about one item, not the confirmations that mention it. */
const remindersAbout = (userId: string, itemId: string) => dmsTo(t, userId).filter((call) => JSON.stringify(call.args.blocks ?? []).includes(`"due:${itemId}"`));
const text = (call: { args: Record<string, unknown> }) => `${String(call.args.text)} ${JSON.stringify(call.args.blocks)}`;
const deliveriesOf = (itemId: string) => t.aims.core.prisma.scheduledDelivery.findMany({ where: { occurrenceKey: { contains: `|${itemId}|` } }, orderBy: { id: "asc" } });

async function at(iso: string) {
  clock.set(new Date(iso));
  await tick(t);
}

describe("incident corrective actions in the reminders", () => {
  it("reminds the owner, who marks the action done through the incident service (audited, shown on the incident)", async () => {
    const reported = await t.aims.core.incidents.report(
      { channel: "slack", id: EMPLOYEE },
      VALID_INCIDENT,
      "follow-up-incident-1",
    );
    if (!reported.ok) throw new Error(JSON.stringify(reported.errors));
    const reference = reported.incident.reference;
    const announcement = await t.fake.waitFor("chat.postMessage", (call) => call.args.channel === INCIDENTS_CHANNEL && String(call.args.text).includes(reference));
    const added = await t.aims.core.incidents.addCorrectiveAction({ channel: "slack", id: EMPLOYEE }, reference, {
      description: "Add a human check of refund answers",
      ownerId: ACTION_OWNER,
      dueDate: "2027-02-04",
    });
    if (added.kind !== "added") throw new Error(JSON.stringify(added));
    const itemId = `${reference}/CA-${added.action.id}`;

    await tick(t);
    const [reminder] = remindersAbout(ACTION_OWNER, itemId);
    expect(text(reminder!)).toContain("Due in 3 days");
    expect(text(reminder!)).toContain(`Corrective action for ${reference}: Add a human check of refund answers`);

    const stranger = await click(t, "USTRANGER01", reminder!, ids.markDone);
    expect(JSON.stringify((await t.fake.waitForResponseUrlPost((post) => post.url === stranger.responseUrl)).body)).toContain("Only the owner");

    const { modal } = await click(t, ACTION_OWNER, reminder!, ids.markDone);
    const done = await submitModal(t, ACTION_OWNER, await modal(), { note: "Reviewer rota in place", link: "https://wiki.example.com/refunds" });
    expect(JSON.stringify(done)).toContain(`Marked done by <@${ACTION_OWNER}>`);

    const action = await t.aims.core.prisma.correctiveAction.findUniqueOrThrow({ where: { id: added.action.id } });
    expect(action).toMatchObject({ status: "done", completedAt: clock.now() });
    const audit = await t.aims.core.prisma.auditEvent.findMany({ where: { action: { in: ["corrective_action.done", "due_item.completed"] } }, orderBy: { id: "asc" } });
    expect(audit.map((event) => [event.action, event.actorId])).toEqual([
      ["corrective_action.done", ACTION_OWNER],
      ["due_item.completed", ACTION_OWNER],
    ]);
    await t.fake.waitFor("chat.update", (call) => call.args.ts === announcement.response.ts && text(call).includes("(done)"));

    await at("2027-02-04T10:00:00Z");
    await at("2027-02-09T10:00:00Z");
    expect(remindersAbout(ACTION_OWNER, itemId)).toHaveLength(1);
    expect(remindersAbout(OWNER, itemId)).toHaveLength(0);
  });

  it("reassigns an action through the incident service when its owner hands it over", async () => {
    const reference = (await t.aims.core.prisma.incident.findFirstOrThrow()).reference;
    const added = await t.aims.core.incidents.addCorrectiveAction({ channel: "slack", id: EMPLOYEE }, reference, {
      description: "Retrain the support team on refunds",
      ownerId: ACTION_OWNER,
      dueDate: "2027-02-12",
    });
    if (added.kind !== "added") throw new Error(JSON.stringify(added));
    const itemId = `${reference}/CA-${added.action.id}`;
    await at("2027-02-09T10:30:00Z");
    const [reminder] = remindersAbout(ACTION_OWNER, itemId);

    const { modal } = await click(t, ACTION_OWNER, reminder!, ids.reassign);
    expect(await submitModal(t, ACTION_OWNER, await modal(), { owner: { user: "UNEWOWNER1" } })).toMatchObject({ response_action: "update" });
    await t.fake.waitFor("chat.postMessage", (call) => call.args.channel === "UNEWOWNER1" && String(call.args.text).includes(itemId));
    expect(await t.aims.core.prisma.correctiveAction.findUniqueOrThrow({ where: { id: added.action.id } })).toMatchObject({ ownerId: "UNEWOWNER1", status: "open" });
    const audit = await t.aims.core.prisma.auditEvent.findFirstOrThrow({ where: { action: "corrective_action.reassigned" } });
    expect(audit).toMatchObject({ actorId: ACTION_OWNER, entityId: String(added.action.id) });
  });
});

describe("concern deadlines in the reminders", () => {
  let reference: string;
  let triageTs: string;

  it("reminds every triager before the acknowledgement deadline, with the case reference and category only", async () => {
    clock.set(new Date("2027-02-15T10:00:00Z")); // Monday: acknowledge by Monday 22 February (5 business days)
    await fileConcern(t, EMPLOYEE, { description: "The CV screener ranks older applicants lower.", category: "bias", anonymous: true }, "Erin Employee");
    const post = await triagePost(t, "The CV screener ranks older applicants lower.");
    reference = referenceIn(post);
    triageTs = String(post.response.ts);
    expect((await t.aims.core.concerns.find(reference))!.acknowledgeBy.toISOString()).toBe("2027-02-22T00:00:00.000Z");

    await at("2027-02-19T10:00:00Z");
    for (const triager of TRIAGERS) {
      const [reminder] = remindersAbout(triager, reference);
      expect(text(reminder!)).toContain("Due in 3 days");
      expect(text(reminder!)).toContain(`${reference} Acknowledge concern (Bias or discrimination)`);
      expect(text(reminder!)).not.toContain("older applicants");
      expect(text(reminder!)).not.toContain(EMPLOYEE);
      expect(text(reminder!)).not.toContain("Erin");
    }

    const { modal } = await click(t, TRIAGERS[1], remindersAbout(TRIAGERS[1], reference)[0]!, ids.markDone);
    const refused = await submitModal(t, TRIAGERS[1], await modal(), { note: "Seen it" });
    expect(refused?.errors.note).toContain(`Acknowledge ${reference} with its Acknowledge button in the triage conversation`);
    expect((await t.aims.core.concerns.find(reference))!.status).toBe("received");
  });

  it("stops the reminders once a triager acknowledges the concern with the triage button", async () => {
    await at("2027-02-22T07:00:00Z"); // the day's reminder waits for working hours
    const pending = (await deliveriesOf(reference)).filter((delivery) => delivery.status === "pending");
    expect(pending.map((delivery) => delivery.recipientId).sort()).toEqual([...TRIAGERS].sort());

    await clickTriage(t, TRIAGERS[0], concernIds.actions.acknowledge, reference, triageTs);
    await eventually(async () => expect((await t.aims.core.concerns.find(reference))!.status).toBe("acknowledged"));

    const after = await deliveriesOf(reference);
    expect(after.filter((delivery) => delivery.status === "pending" && delivery.occurrenceKey!.startsWith("concern-acknowledgement"))).toEqual([]);
    const occurrence = await t.aims.core.prisma.dueItemOccurrence.findUniqueOrThrow({ where: { occurrenceKey: `concern-acknowledgement|${reference}|2027-02-22T00:00:00.000Z` } });
    expect(occurrence).toMatchObject({ completedById: TRIAGERS[0] });

    await at("2027-02-22T10:00:00Z");
    await at("2027-02-26T10:00:00Z"); // past the grace period: nothing to escalate
    for (const triager of TRIAGERS) expect(remindersAbout(triager, reference)).toHaveLength(1);
    expect(remindersAbout(OWNER, reference)).toHaveLength(0);
  });

  it("escalates a concern nobody acknowledged to the AIMS owners once, not once per triager", async () => {
    clock.set(new Date("2027-03-01T10:00:00Z"));
    await fileConcern(t, EMPLOYEE, { description: "The chatbot shares order history with the wrong customer.", category: "privacy" });
    const late = referenceIn(await triagePost(t, "The chatbot shares order history with the wrong customer."));
    await at("2027-03-11T10:00:00Z"); // acknowledge by 8 March; escalated after the 3-day grace period
    await at("2027-03-11T10:05:00Z");
    const escalations = remindersAbout(OWNER, late);
    expect(escalations).toHaveLength(1);
    expect(text(escalations[0]!)).toContain("Escalation: 3 days overdue");
    expect(text(escalations[0]!)).not.toContain("order history");
  });
});

/** The initial value of one question's input in a questionnaire step modal. */
function initialValueOf(view: unknown, questionId: string): unknown {
  const blocks = (view as { blocks: { block_id?: string; element?: { initial_value?: unknown } }[] }).blocks;
  return blocks.find((block) => block.block_id === `q.${questionId}`)?.element?.initial_value;
}

describe("impact re-assessments in the reminders", () => {
  it("reminds the system owner, who starts the re-assessment from it; only signing off a new one completes it", async () => {
    const system = await seedAiSystem(t.aims.core.prisma, { reference: "SYS-9001", ownerChannel: "slack", ownerId: SYSTEM_OWNER });
    const seedAssessment = (reference: string, fields: Record<string, unknown>) =>
      seedAssessmentOf(t.aims.core.prisma, { reference, aiSystemId: system.id, definitionId: "default", assessorId: EMPLOYEE, ...fields });
    // The older assessment's date no longer counts once a newer one is signed off.
    await seedAssessment("ASM-9000", { status: "signed_off", signedOffAt: new Date("2025-01-05T00:00:00Z"), nextReassessmentAt: new Date("2025-07-05T00:00:00Z") });
    await seedAssessment("ASM-9001", {
      status: "signed_off",
      signedOffAt: new Date("2026-09-15T00:00:00Z"),
      nextReassessmentAt: new Date("2027-03-15T00:00:00Z"),
      answers: { purpose: "Ranks job applicants' CVs for recruiters." },
    });
    clock.set(new Date("2027-03-01T11:00:00Z"));
    const due = (await t.aims.core.scheduling.reminders.listDue(new Date("2027-12-31T00:00:00Z"))).filter((item) => item.source === "reassessment");
    expect(due.map((item) => [item.itemId, item.dueAt.toISOString(), item.owner.id])).toEqual([["SYS-9001", "2027-03-15T00:00:00.000Z", SYSTEM_OWNER]]);

    await tick(t);
    const [reminder] = remindersAbout(SYSTEM_OWNER, "SYS-9001");
    expect(text(reminder!)).toContain("Due in 14 days");
    expect(text(reminder!)).toContain("Impact re-assessment of HireScreen AI (last: ASM-9001, high impact)");

    expect(text(reminder!)).toContain("Start re-assessment");
    expect(buttons(reminder!)).not.toHaveProperty(ids.markDone);
    const { modal } = await click(t, SYSTEM_OWNER, reminder!, START_REASSESSMENT);
    const stepModal = await modal();
    expect(stepModal.callback_id).toBe(ASSESSMENT_IDS.views.step);
    expect(initialValueOf(stepModal, "purpose")).toBe("Ranks job applicants' CVs for recruiters.");
    const started = (await t.aims.core.assessments.find(JSON.parse(stepModal.private_metadata).reference))!;
    const previous = await t.aims.core.assessments.find("ASM-9001");
    expect(started).toMatchObject({ trigger: "scheduled", aiSystemId: system.id, status: "draft", assessorId: SYSTEM_OWNER, previousAssessmentId: previous!.id });

    await seedAssessment("ASM-9002", { status: "submitted", round: 1, level: "medium", submittedAt: new Date("2027-03-10T09:00:00Z") });
    await at("2027-03-12T07:00:00Z"); // the 3-day reminder waits for working hours
    expect((await deliveriesOf("SYS-9001")).filter((delivery) => delivery.status === "pending")).toHaveLength(1);

    await t.slack.action({
      userId: OWNER,
      channelId: "D0OWNER",
      responseUrl: t.fake.newResponseUrl(),
      actions: [{ action_id: ASSESSMENT_IDS.actions.signOff, block_id: "s", value: JSON.stringify({ reference: "ASM-9002", round: 1 }) }],
    });
    await eventually(async () => expect((await t.aims.core.assessments.find("ASM-9002"))!.status).toBe("signed_off"));

    expect((await deliveriesOf("SYS-9001")).map((delivery) => delivery.status)).toEqual(["sent", "cancelled"]);
    const occurrence = await t.aims.core.prisma.dueItemOccurrence.findUniqueOrThrow({ where: { occurrenceKey: "reassessment|SYS-9001|2027-03-15T00:00:00.000Z" } });
    expect(occurrence).toMatchObject({ completedById: OWNER, evidenceNote: "ASM-9002 signed off" });

    for (const when of ["2027-03-12T10:00:00Z", "2027-03-15T10:00:00Z", "2027-03-22T10:00:00Z"]) await at(when);
    expect(remindersAbout(SYSTEM_OWNER, "SYS-9001")).toHaveLength(1);
    expect(remindersAbout(OWNER, "SYS-9001")).toHaveLength(0);
  });
});
