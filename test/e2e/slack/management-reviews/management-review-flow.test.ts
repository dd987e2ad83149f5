import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../../../src/core/clock.js";
import { MANAGEMENT_REVIEW_IDS as ids } from "../../../../src/features/management-reviews/conversation/management-review-ids.js";
import { EMPLOYEE, OWNERS, startTestAims, type TestAims } from "../../../support/aims-harness.js";
import { eventually } from "../../../support/eventually.js";
import type { FakeSlackCall } from "../../../support/fake-slack/index.js";
import { commandReply, followUpState, type OpenedView, submit, viewOpenedBy } from "../incidents/incident-steps.js";
import { dmsTo, MANAGER, openFromCommand, SCHEDULING_ENV, tick } from "../scheduling/scheduling-steps.js";

const OWNER = OWNERS[0];
const REVIEWER = "UREVIEWER1";
/** Tuesday 1 December 2026, 10:00 in London (UTC in winter). */
const clock = fixedClock(new Date("2026-12-01T10:00:00Z"));

let t: TestAims;
beforeAll(async () => {
  t = await startTestAims({ clock, env: SCHEDULING_ENV });
  for (const id of [OWNER, REVIEWER, EMPLOYEE]) t.fake.addUser({ id, name: id.toLowerCase() });
}, 120_000);
afterAll(async () => {
  await t?.stop();
});

const blocksText = (blocks: unknown) => JSON.stringify(blocks);

/** Clicks a button of a DM the bot sent (an actions block) and returns the modal it opened. */
function clickInDm(userId: string, dm: FakeSlackCall, actionId: string): Promise<OpenedView> {
  const blocks = dm.args.blocks as { type: string; elements?: { action_id: string; value: string }[] }[];
  const button = blocks.flatMap((block) => block.elements ?? []).find((element) => element.action_id === actionId);
  expect(button, actionId).toBeDefined();
  return viewOpenedBy(t, () =>
    t.slack.action({
      userId,
      channelId: String(dm.response.channel),
      message: { ts: String(dm.response.ts), type: "message", text: "" },
      responseUrl: t.fake.newResponseUrl(),
      actions: [{ action_id: actionId, block_id: "actions", value: button!.value }],
    }),
  );
}

describe("management reviews in Slack", () => {
  let inputsDm: FakeSlackCall;

  it("lets the AIMS owner schedule a review with its reviewers; others may not", async () => {
    expect(await commandReply(t, EMPLOYEE, "management-review schedule")).toBe("Only AIMS owners can schedule management reviews.");
    const list = await viewOpenedBy(t, () => t.slack.command(EMPLOYEE, "management-review", { triggerId: "trigger-list" }));
    expect(blocksText(list.blocks)).toContain("No management review is scheduled yet.");
    expect(blocksText(list.blocks)).not.toContain(ids.scheduleForm);
    const help = await commandReply(t, EMPLOYEE, "help");
    expect(help).toContain("/aims management-review");
    expect(help).toContain("/aims reviews");

    const form = await viewOpenedBy(t, () => t.slack.command(OWNER, "management-review schedule", { triggerId: "trigger-schedule" }));
    expect(form.callback_id).toBe(ids.schedule);
    const noReviewer = await submit(t, OWNER, form, followUpState({ title: "Q4 management review", date: { date: "2026-12-10" } }));
    expect(noReviewer?.errors).toEqual({ reviewer1: "Name at least one reviewer, or choose a role whose holders review" });
    const answer = await submit(t, OWNER, form, followUpState({ title: "Q4 management review", date: { date: "2026-12-10" }, reviewer1: { user: REVIEWER } }));
    expect(answer?.response_action).toBe("update");
    const shown = blocksText((answer as unknown as { view: { blocks: unknown } }).view.blocks);
    expect(shown).toContain("MR-0001: Q4 management review");
    expect(shown).toContain("2026-12-10");

    const review = await t.aims.core.managementReviews.find("MR-0001");
    expect(review).toMatchObject({ status: "scheduled", scheduledAt: new Date("2026-12-10T09:00:00Z"), organiserId: OWNER });
    const audit = await t.aims.core.prisma.auditEvent.findFirst({ where: { entityId: "MR-0001", action: "management_review.scheduled" } });
    expect(audit?.controls).toEqual(["9.3"]);
  });

  it("sends the reviewer the 9.3.2 inputs on the day", async () => {
    await t.aims.core.prisma.incident.create({
      data: { reference: "INC-0042", submissionKey: "k", title: "Refunds", affectedSystem: "Chatbot", description: "d", detectedAt: clock.now(), severity: "sev2", containment: "c", reporterChannel: "slack", reporterId: EMPLOYEE, controls: [], createdAt: clock.now() },
    });
    clock.set(new Date("2026-12-09T10:00:00Z"));
    await tick(t);
    expect(dmsTo(t, REVIEWER).filter((dm) => String(dm.args.text).includes("MR-0001"))).toHaveLength(0);

    clock.set(new Date("2026-12-10T09:00:30Z"));
    await tick(t);
    inputsDm = await t.fake.waitFor("chat.postMessage", (call) => call.args.channel === REVIEWER && String(call.args.text).includes("Management review MR-0001 today"));
    const text = blocksText(inputsDm.args.blocks);
    for (const expected of [
      "9.3.2 a) Status of actions from previous management reviews",
      "No actions from previous management reviews.",
      "9.3.2 b) Changes in external and internal issues",
      "Nothing recorded in the bot since 2025-12-10",
      "Incidents reported: 1 (previous period: 0, more); 1 of them SEV1 or SEV2.",
      "9.3.2 c) Audit results",
      "No internal audit reported in the period.",
      "Nonconformities: 0 open, 0 awaiting their effectiveness check; 0 raised and 0 closed in the period.",
      "9.3.2 d) Opportunities for continual improvement",
    ]) expect(text).toContain(expected);
    await tick(t);
    expect(dmsTo(t, REVIEWER).filter((dm) => String(dm.args.text).includes("Management review MR-0001 today"))).toHaveLength(1);
  });

  it("records a decision and an owned action from the inputs message; the action is reminded on its day", async () => {
    const decision = await clickInDm(REVIEWER, inputsDm, ids.decisionForm);
    expect(decision.callback_id).toBe(ids.decide);
    const decided = await submit(t, REVIEWER, decision, followUpState({ kind: { option: "improvement" }, text: "Test every prompt change against the refund policy" }));
    expect(blocksText((decided as unknown as { view: { blocks: unknown } }).view.blocks)).toContain("Opportunity for continual improvement");

    const seenByOthers = await viewOpenedBy(t, () => t.slack.command(EMPLOYEE, "management-review MR-0001", { triggerId: "trigger-other" }));
    expect(blocksText(seenByOthers.blocks)).toContain("Test every prompt change against the refund policy");
    expect(blocksText(seenByOthers.blocks)).not.toContain(ids.decisionForm);

    const action = await clickInDm(REVIEWER, inputsDm, ids.actionForm);
    const pastDue = await submit(t, REVIEWER, action, followUpState({ description: "Add prompt regression tests", ownerId: { user: REVIEWER }, dueDate: { date: "2026-12-01" } }));
    expect(pastDue?.errors).toEqual({ dueDate: "The due date cannot be in the past" });
    const added = await submit(t, REVIEWER, action, followUpState({ description: "Add prompt regression tests", ownerId: { user: REVIEWER }, dueDate: { date: "2026-12-18" } }));
    expect(blocksText((added as unknown as { view: { blocks: unknown } }).view.blocks)).toContain("Add prompt regression tests");
    const [saved] = await t.aims.core.prisma.managementReviewAction.findMany();
    expect(saved).toMatchObject({ ownerId: REVIEWER, dueDate: new Date("2026-12-18T00:00:00Z"), status: "open", controls: ["9.3", "10.1"] });

    clock.set(new Date("2026-12-18T10:00:00Z"));
    await tick(t);
    const reminder = await t.fake.waitFor("chat.postMessage", (call) => call.args.channel === REVIEWER && String(call.args.text).includes("Add prompt regression tests"));
    expect(String(reminder.args.text)).toContain(`MR-0001/A-${saved!.id}`);

    // The digest names the review still to be closed and the action now overdue.
    clock.set(new Date("2026-12-19T10:00:00Z"));
    const preview = JSON.stringify(await openFromCommand(t, MANAGER, "digest preview"));
    expect(preview).toContain("Management reviews");
    expect(preview).toContain("Held, not yet closed with minutes: *1*");
    expect(preview).toContain("Review actions overdue: *1*");
  });

  it("closes the review with minutes, which go into the audit pack under clause 9.3", async () => {
    const close = await clickInDm(REVIEWER, inputsDm, ids.closeForm);
    const tooShort = await submit(t, REVIEWER, close, followUpState({ minutes: "ok" }));
    expect(tooShort?.errors).toEqual({ minutes: "The minutes needs at least 10 characters" });
    const closed = await submit(t, REVIEWER, close, followUpState({ minutes: "Attended: Olive and Rhea. Inputs reviewed; prompt testing agreed." }));
    expect(blocksText((closed as unknown as { view: { blocks: unknown } }).view.blocks)).toContain("Minutes");
    expect(await t.aims.core.managementReviews.find("MR-0001")).toMatchObject({ status: "closed", closedById: REVIEWER });
    const actions = await t.aims.core.prisma.auditEvent.findMany({ where: { OR: [{ entityId: "MR-0001" }, { entityType: "management_review_action" }] }, orderBy: { id: "asc" } });
    expect(actions.map((event) => event.action)).toEqual([
      "management_review.scheduled",
      "management_review.opened",
      "management_review.decision_recorded",
      "management_review.action_added",
      "management_review.closed",
    ]);

    expect((await t.slack.command(OWNER, "export", { responseUrl: t.fake.newResponseUrl() })).status).toBe(200);
    const upload = await eventually(() => {
      expect(t.fake.uploads).toHaveLength(1);
      return t.fake.uploads[0]!;
    }, 30_000);
    const files = unzipSync(new Uint8Array(upload.bytes));
    const root = upload.filename.replace(/\.zip$/, "");
    const csv = strFromU8(files[`${root}/records/management-reviews.csv`]!);
    expect(csv).toContain("Attended: Olive and Rhea. Inputs reviewed; prompt testing agreed.");
    expect(strFromU8(files[`${root}/records/management-review-decisions.csv`]!)).toContain("Test every prompt change against the refund policy");
    const readme = strFromU8(files[`${root}/README.md`]!);
    expect(readme).toMatch(/#### Clause 9\.3\n\n- Evidence:\n(.*\n)*.*Management reviews and their minutes: 1 \(MR-0001\)/);
  }, 60_000);
});
