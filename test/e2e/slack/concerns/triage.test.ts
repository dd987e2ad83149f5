import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../../../src/core/clock.js";
import { EMPLOYEE, startTestAims, type TestAims } from "../../../support/aims-harness.js";
import { eventually } from "../../../support/eventually.js";
import { stateValues } from "../../../support/slack-requests.js";
import {
  CONCERN_ENV,
  clickTriage,
  fileConcern,
  ids,
  nextOpenedView,
  referenceIn,
  START,
  submit,
  TRIAGE_CHANNEL,
  TRIAGERS,
  triagePost,
  triageThroughModal,
  textOf,
} from "./concern-steps.js";

let t: TestAims;
beforeAll(async () => {
  t = await startTestAims({ env: CONCERN_ENV, clock: fixedClock(START) });
}, 180_000);
afterAll(async () => {
  await t?.stop();
});

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
const said = async (responseUrl: string) => textOf((await t.fake.waitForResponseUrlPost((p) => p.url === responseUrl)).body);

describe("named AI concerns and their triage", () => {
  it("keeps the reporter informed by DM through acknowledge, question, assignment and closing; refuses steps out of order", async () => {
    const description = "The support chatbot promised a refund policy we do not have.";
    const { body } = await fileConcern(t, EMPLOYEE, { description, category: "transparency", aiSystemText: "Support bot" });
    expect(body).toBeNull();
    const post = await triagePost(t, description);
    const reference = referenceIn(post);
    const ts = String(post.response.ts);
    expect(textOf(post.args.blocks)).toContain(`<@${EMPLOYEE}>`);
    expect(textOf(post.args.blocks)).toContain("2026-12-08");

    const receipt = await t.fake.waitFor("chat.postMessage", (c) => c.args.channel === EMPLOYEE && String(c.args.text).includes(reference));
    expect(textOf(receipt.args.blocks)).toContain("acknowledge it by 2026-12-08");

    const prisma = t.aims.core.prisma;
    expect(await prisma.concern.findUniqueOrThrow({ where: { reference } })).toMatchObject({
      anonymous: false,
      reporterId: EMPLOYEE,
      status: "received",
      receivedOn: day("2026-12-01"),
      acknowledgeBy: day("2026-12-08"),
      resolveBy: day("2026-12-31"),
      controls: ["A.3.3", "A.3.2"],
    });

    // Not a triager: refused, nothing changes.
    expect(await said(await clickTriage(t, EMPLOYEE, ids.actions.acknowledge, reference, ts))).toContain("Only the AIMS triagers");
    expect(t.fake.callsTo("views.open").length).toBe(1);
    await clickTriage(t, EMPLOYEE, ids.actions.close, reference, ts);
    expect((await prisma.concern.findUniqueOrThrow({ where: { reference } })).status).toBe("received");

    // Closing before acknowledging is refused in the modal.
    const earlyClose = await triageThroughModal(t, TRIAGERS[0], ids.actions.close, reference, ts, closeValues("resolved", "Done."));
    expect(((await earlyClose.json()) as { errors: Record<string, string> }).errors.reason).toBe("Acknowledge the concern first.");

    await clickTriage(t, TRIAGERS[0], ids.actions.acknowledge, reference, ts);
    await eventually(async () => expect((await prisma.concern.findUniqueOrThrow({ where: { reference } })).status).toBe("acknowledged"));
    const updated = await t.fake.waitFor("chat.update", (c) => c.args.ts === ts && textOf(c.args.blocks).includes("Acknowledged"));
    expect(textOf(updated.args.blocks)).toContain(ids.actions.close);
    await t.fake.waitFor("chat.postMessage", (c) => c.args.channel === EMPLOYEE && String(c.args.text).includes("acknowledged"));
    expect(await said(await clickTriage(t, TRIAGERS[1], ids.actions.acknowledge, reference, ts))).toContain("already acknowledged");

    // A question reaches the named reporter by DM, with a button to answer.
    await triageThroughModal(t, TRIAGERS[0], ids.actions.ask, reference, ts, stateValues({ question: { value: "Which conversation was it?" } }));
    const questionDm = await t.fake.waitFor("chat.postMessage", (c) => c.args.channel === EMPLOYEE && textOf(c.args.blocks).includes("Which conversation"));
    const answerView = await nextOpenedView(t, () =>
      t.slack.action({ userId: EMPLOYEE, channelId: "D0EMPLOYEE", actions: [{ action_id: ids.actions.answer, block_id: "answer", value: JSON.stringify({ reference }) }] }),
    );
    expect(textOf(questionDm.args.blocks)).toContain(ids.actions.answer);
    const stranger = await submit(t, "USTRANGER1", answerView, stateValues({ answer: { value: "Not mine." } }));
    expect(textOf(await stranger.json())).toContain("Only the person who raised this concern");
    await submit(t, EMPLOYEE, answerView, stateValues({ answer: { value: "Ticket 4411, yesterday." } }));
    await t.fake.waitFor("chat.postMessage", (c) => c.args.thread_ts === ts && String(c.args.text).includes("Ticket 4411"));

    const assigned = await triageThroughModal(t, TRIAGERS[1], ids.actions.assign, reference, ts, stateValues({ assignee: { value: { type: "users_select", selected_user: TRIAGERS[0] } } }));
    expect(await assigned.text()).toBe("");
    expect(await prisma.concern.findUniqueOrThrow({ where: { reference } })).toMatchObject({ status: "investigating", assigneeId: TRIAGERS[0] });

    const noReason = await triageThroughModal(t, TRIAGERS[0], ids.actions.close, reference, ts, closeValues("resolved", " "));
    expect(textOf(await noReason.json())).toContain("Please give the reasons");
    await triageThroughModal(t, TRIAGERS[0], ids.actions.close, reference, ts, closeValues("resolved", "The bot's prompt now cites the real policy."));
    const closed = await t.fake.waitFor("chat.update", (c) => c.args.ts === ts && textOf(c.args.blocks).includes("real policy"));
    expect(textOf(closed.args.blocks)).not.toContain(ids.actions.ask);
    const outcomeDm = await t.fake.waitFor("chat.postMessage", (c) => c.args.channel === EMPLOYEE && String(c.args.text).includes("resolved"));
    expect(textOf(outcomeDm.args.blocks)).toContain("real policy");

    // Closed is final: the core refuses every further step, whatever the buttons say.
    const triager = { channel: "slack" as const, id: TRIAGERS[0] };
    expect(await t.aims.core.concerns.close(triager, reference, "dismissed", "Changed my mind")).toMatchObject({ kind: "refused" });
    expect(await t.aims.core.concerns.assign(triager, reference, { channel: "slack", id: TRIAGERS[1] })).toMatchObject({ kind: "refused" });
    expect(await t.aims.core.concerns.ask(triager, reference, "One more thing?")).toMatchObject({ kind: "refused" });

    expect(t.fake.callsTo("chat.postMessage").filter((c) => c.args.channel === TRIAGE_CHANNEL && !c.args.thread_ts)).toHaveLength(1);
    const audit = await prisma.auditEvent.findMany({ where: { entityType: "concern", entityId: reference }, orderBy: { id: "asc" } });
    expect(audit.map((e) => e.action)).toEqual([
      "concern.received",
      "concern.acknowledged",
      "concern.question_asked",
      "concern.answered",
      "concern.assigned",
      "concern.resolved",
    ]);
    expect(audit[0]).toMatchObject({ actorId: EMPLOYEE, controls: ["A.3.3", "A.3.2"] });
    expect(audit[1]).toMatchObject({ actorId: TRIAGERS[0], before: { status: "received", assigneeId: null } });
    expect(audit[5].after).toMatchObject({ status: "resolved", outcomeReason: "The bot's prompt now cites the real policy." });
  });

  it("dismisses with reasons and lets exactly one of two simultaneous acknowledgements through", async () => {
    const description = "The translation tool is used on medical leaflets without review.";
    await fileConcern(t, EMPLOYEE, { description, category: "safety" });
    const post = await triagePost(t, description);
    const reference = referenceIn(post);
    const triagers = TRIAGERS.map((id) => ({ channel: "slack" as const, id }));
    const results = await Promise.all(triagers.map((triager) => t.aims.core.concerns.acknowledge(triager, reference)));
    expect(results.map((r) => r.kind).sort()).toEqual(["done", "refused"]);
    expect(await t.aims.core.concerns.close(triagers[0], reference, "dismissed", "Leaflets are reviewed by a pharmacist.")).toMatchObject({
      kind: "done",
      concern: { status: "dismissed" },
    });
    expect(await t.aims.core.prisma.auditEvent.count({ where: { entityId: reference, action: "concern.acknowledged" } })).toBe(1);
  });

  it("shows field errors in the form and saves nothing", async () => {
    const before = await t.aims.core.prisma.concern.count();
    const { body } = await fileConcern(t, EMPLOYEE, { description: "short", category: "nonsense" });
    expect(body?.response_action).toBe("errors");
    expect(Object.keys(body!.errors!).sort()).toEqual(["category", "description"]);
    expect(await t.aims.core.prisma.concern.count()).toBe(before);
  });
});

function closeValues(outcome: string, reason: string) {
  return stateValues({
    outcome: { value: { type: "radio_buttons", selected_option: { value: outcome } } },
    reason: { value: reason },
  });
}
