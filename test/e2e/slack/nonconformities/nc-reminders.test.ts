import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../../../src/core/clock.js";
import { startTestAims, type TestAims } from "../../../support/aims-harness.js";
import { click, dmsTo, ids, SCHEDULING_ENV, submitModal, tick } from "../scheduling/scheduling-steps.js";

const clock = fixedClock(new Date("2027-02-01T10:00:00Z")); // a Monday, 10:00 in London
const NC_OWNER = "UNCOWNER01";
const ACTION_OWNER = "UACTOWNER1";
let t: TestAims;

beforeAll(async () => {
  t = await startTestAims({ clock, env: { ...SCHEDULING_ENV, SLACK_MANAGERS_CHANNEL: "" } });
});
afterAll(async () => {
  await t?.stop();
});

const slack = (id: string) => ({ channel: "slack" as const, id });
/** Reminder DMs (with their buttons) about one item. */
const remindersAbout = (userId: string, itemId: string) => dmsTo(t, userId).filter((call) => JSON.stringify(call.args.blocks ?? []).includes(`"due:${itemId}"`));
const text = (call: { args: Record<string, unknown> }) => `${String(call.args.text)} ${JSON.stringify(call.args.blocks)}`;

describe("nonconformity deadlines in the reminders", () => {
  it("reminds the action's owner, who marks it done from the reminder; then reminds the owner of the effectiveness check", async () => {
    const { nonconformities } = t.aims.core;
    const raised = await nonconformities.raise(slack(NC_OWNER), { description: "Model cards are missing for two systems." }, slack(NC_OWNER), { kind: "manual" }, "slack:nc-reminders");
    if (raised.kind !== "raised") throw new Error(JSON.stringify(raised));
    const reference = raised.nonconformity.reference;
    const added = await nonconformities.addAction(slack(NC_OWNER), reference, { description: "Write the two model cards", dueDate: "2027-02-04" }, slack(ACTION_OWNER));
    if (added.kind !== "added") throw new Error(JSON.stringify(added));
    const itemId = `${reference}/CA-${added.action.id}`;

    await tick(t);
    const [reminder] = remindersAbout(ACTION_OWNER, itemId);
    expect(text(reminder!)).toContain("Due in 3 days");
    expect(text(reminder!)).toContain(`Corrective action for ${reference}: Write the two model cards`);

    const { modal } = await click(t, ACTION_OWNER, reminder!, ids.markDone);
    const done = await submitModal(t, ACTION_OWNER, await modal(), { note: "Both cards are in the register" });
    expect(JSON.stringify(done)).toContain(`Marked done by <@${ACTION_OWNER}>`);
    expect(await nonconformities.details(reference)).toMatchObject({ status: "checking", checkDueAt: new Date("2027-03-03T00:00:00Z") });

    clock.set(new Date("2027-03-03T10:00:00Z"));
    await tick(t);
    const [check] = remindersAbout(NC_OWNER, reference);
    expect(text(check!)).toContain(`Effectiveness check of ${reference}: Model cards are missing for two systems.`);
    const checkClick = await click(t, NC_OWNER, check!, ids.markDone);
    const refused = await submitModal(t, NC_OWNER, await checkClick.modal(), { note: "Looks fine" });
    expect(refused?.errors.note).toContain(`Record whether the actions worked, in ${reference}'s view`);
    expect(await nonconformities.details(reference)).toMatchObject({ status: "checking" });
  });
});
