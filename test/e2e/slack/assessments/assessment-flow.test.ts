import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ASSESSMENT_IDS } from "../../../../src/channels/slack/assessments/ids.js";
import { fixedClock } from "../../../../src/core/clock.js";
import { APPROVALS_CHANNEL, APPROVERS, EMPLOYEE, OWNERS, startTestAims, type TestAims } from "../../../support/aims-harness.js";
import { eventually } from "../../../support/eventually.js";
import { VALID_REQUEST } from "../../../support/request-form-state.js";
import { buttonValue, clickDecision, decisionIds } from "../../../support/request-steps.js";
import { buttonIn, contextText, expectValidModal, fileRequest, fillStep, submitStep, textOf, type ModalViewJson } from "./assessment-steps.js";

const clock = fixedClock(new Date("2026-12-01T10:00:00Z"));
let t: TestAims;
beforeAll(async () => {
  t = await startTestAims({ clock });
});
afterAll(async () => {
  await t?.stop();
});

const HIGH_RISK_REQUEST = { ...VALID_REQUEST, toolName: "HireScreen AI", decidesAboutPeople: "yes" };

async function openedView(method: "views.open" | "views.update", before: number): Promise<ModalViewJson> {
  const [call] = (await t.fake.waitForCount(method, before + 1)).slice(before);
  expect(call!.response.ok, textOf(call!.response)).toBe(true);
  const view = call!.response.view as ModalViewJson;
  expectValidModal(view);
  return view;
}

describe("impact assessment of a high-risk request, end to end through Slack", () => {
  let reference: string;
  let approvalTs: string;
  let assessmentRef: string;
  let stepCount: number;

  it("refuses to approve a high-risk request before an assessment is signed off, and offers to start one", async () => {
    ({ reference, approvalTs } = await fileRequest(t, EMPLOYEE, HIGH_RISK_REQUEST));
    expect((await t.aims.core.requests.find(reference))!.riskTier).toBe("high");
    const approval = t.fake.callsTo("chat.postMessage").find((c) => c.args.channel === APPROVALS_CHANNEL && String(c.args.text).includes(reference))!;
    const url = await clickDecision(t, APPROVERS[0], decisionIds.approve, buttonValue(approval, decisionIds.approve), approvalTs);
    const told = await t.fake.waitForResponseUrlPost((post) => post.url === url);
    expect(textOf(told.body)).toContain("is high risk, so it can only be approved once an AI system impact assessment");
    expect(buttonIn((told.body as { blocks: unknown }).blocks, ASSESSMENT_IDS.actions.startForRequest)).toBe(reference);
    expect((await t.aims.core.requests.find(reference))!.status).toBe("pending");
  });

  it("starts from the gate's button, shows field errors, and saves every step", async () => {
    const opens = t.fake.callsTo("views.open").length;
    await t.slack.action({
      userId: EMPLOYEE,
      channelId: APPROVALS_CHANNEL,
      responseUrl: t.fake.newResponseUrl(),
      actions: [{ action_id: ASSESSMENT_IDS.actions.startForRequest, block_id: "gate", value: reference }],
    });
    const first = await openedView("views.open", opens);
    stepCount = t.aims.core.assessments.steps.length;
    expect(first.callback_id).toBe(ASSESSMENT_IDS.views.step);
    expect(contextText(first)).toContain(`Step 1 of ${stepCount}`);
    expect(first.title.text.length).toBeLessThanOrEqual(24);
    assessmentRef = JSON.parse(first.private_metadata).reference;

    const empty = await submitStep(t, EMPLOYEE, first, fillStep(first, { purpose: null, decision_role: null }));
    expect(empty.response_action).toBe("errors");
    expect(empty.errors).toEqual({ "q.purpose": "This question needs an answer.", "q.decision_role": "This question needs an answer." });
    expect((await t.aims.core.assessments.find(assessmentRef))!.answers).toEqual({});

    const second = await submitStep(t, EMPLOYEE, first, fillStep(first, { purpose: "Ranks job applicants' CVs for recruiters." }));
    expect(second.response_action).toBe("update");
    expect(contextText(second.view!)).toContain(`Step 2 of ${stepCount}`);
    const saved = (await t.aims.core.assessments.find(assessmentRef))!;
    expect(saved).toMatchObject({ status: "draft", currentStep: 1, requestId: expect.any(Number), definitionVersion: "1" });
    expect(saved.answers).toMatchObject({ purpose: "Ranks job applicants' CVs for recruiters.", decision_role: "informs" });
  });

  it("loses nothing when the modal is closed: /aims assess offers to resume where it was left", async () => {
    const opens = t.fake.callsTo("views.open").length;
    await t.slack.command(EMPLOYEE, "assess");
    const picker = await openedView("views.open", opens);
    expect(picker.callback_id).toBe(ASSESSMENT_IDS.views.start);
    expect(textOf(picker.blocks)).toContain(reference);

    const updates = t.fake.callsTo("views.update").length;
    await t.slack.action({ userId: EMPLOYEE, view: { id: picker.id }, actions: [{ action_id: ASSESSMENT_IDS.actions.resume, block_id: "resume", value: buttonIn(picker.blocks, ASSESSMENT_IDS.actions.resume) }] });
    let view = await openedView("views.update", updates);
    expect(contextText(view)).toContain(`Step 2 of ${stepCount}`);

    // Step through to the end, choosing a vendor that may train on our data (raises the level to high).
    for (let step = 2; step <= stepCount; step += 1) {
      const next = await submitStep(t, EMPLOYEE, view, fillStep(view, { data_shared_with_vendor: "vendor_may_train" }));
      expect(next.response_action, textOf(next)).toBe("update");
      view = next.view!;
      if (step === 3) {
        // Back keeps what was typed in the step being left, and shows the previous step with its saved answers.
        const before = t.fake.callsTo("views.update").length;
        const typed = { values: fillStep(view, { fairness_measures: "Typed, then went back." }) };
        await t.slack.action({ userId: EMPLOYEE, view: { id: view.id, private_metadata: view.private_metadata, state: typed }, actions: [{ action_id: ASSESSMENT_IDS.actions.back, block_id: "navigation", value: buttonIn(view.blocks, ASSESSMENT_IDS.actions.back) }] });
        const previous = await openedView("views.update", before);
        expect(contextText(previous)).toContain(`Step 3 of ${stepCount}`);
        expect(textOf(previous.blocks)).toContain("initial_option");
        const draft = (await t.aims.core.assessments.find(assessmentRef))!;
        expect(draft.answers).toMatchObject({ fairness_measures: "Typed, then went back." });
        expect(draft.currentStep).toBe(3);
      }
    }
    expect(view.callback_id).toBe(ASSESSMENT_IDS.views.review);
    expect(textOf(view.blocks)).toContain("Impact level: 🔴 High");
    expect(textOf(view.blocks)).toContain("high: our data is sent to a vendor that may use it to train its models");

    const sent = await submitStep(t, EMPLOYEE, view, {});
    expect(textOf(sent.view)).toContain("is with the AIMS owners for sign-off");
    const stored = (await t.aims.core.assessments.find(assessmentRef))!;
    expect(stored).toMatchObject({ status: "submitted", round: 1, level: "high" });
    expect(stored.controls).toEqual(expect.arrayContaining(["6.1.4", "8.4", "A.5.2", "A.5.3", "A.5.4", "A.5.5"]));
    expect(textOf(stored.mitigations)).toContain("What will you do to reduce the risks");
  });

  it("lets an owner send it back with comments, and the assessor resubmit", async () => {
    const ask = await t.fake.waitFor("chat.postMessage", (c) => c.args.channel === OWNERS[0] && String(c.args.text).includes(assessmentRef));
    expect(textOf(ask.args.blocks)).toContain("High");

    const refused = t.fake.newResponseUrl();
    await t.slack.action({ userId: APPROVERS[0], channelId: "D0OWNER", responseUrl: refused, actions: [{ action_id: ASSESSMENT_IDS.actions.signOff, block_id: "s", value: buttonIn(ask.args.blocks, ASSESSMENT_IDS.actions.signOff) }] });
    expect(textOf((await t.fake.waitForResponseUrlPost((p) => p.url === refused)).body)).toContain("Only the AIMS owners can sign off");

    const opens = t.fake.callsTo("views.open").length;
    await t.slack.action({ userId: OWNERS[0], channelId: "D0OWNER", responseUrl: t.fake.newResponseUrl(), actions: [{ action_id: ASSESSMENT_IDS.actions.sendBack, block_id: "s", value: buttonIn(ask.args.blocks, ASSESSMENT_IDS.actions.sendBack) }] });
    const modal = await openedView("views.open", opens);
    const noComment = await t.slack.submitView(OWNERS[0], { ...modal, state: { values: { comments: { value: { type: "plain_text_input", value: "" } } } } });
    expect(((await noComment.json()) as { errors: unknown }).errors).toEqual({ comments: "Say what the assessor should change." });
    await t.slack.submitView(OWNERS[0], { ...modal, state: { values: { comments: { value: { type: "plain_text_input", value: "Name who reviews rejections." } } } } });

    const dm = await t.fake.waitFor("chat.postMessage", (c) => c.args.channel === EMPLOYEE && String(c.args.text).includes("was sent back"));
    expect(textOf(dm.args.blocks)).toContain("Name who reviews rejections.");
    expect((await t.aims.core.assessments.find(assessmentRef))!.status).toBe("sent_back");
    await t.fake.waitFor("chat.update", (c) => c.args.ts === ask.response.ts && textOf(c.args.blocks).includes("Sent back"));

    const opensBefore = t.fake.callsTo("views.open").length;
    await t.slack.action({ userId: EMPLOYEE, channelId: "D0EMPLOYEE", responseUrl: t.fake.newResponseUrl(), actions: [{ action_id: ASSESSMENT_IDS.actions.resume, block_id: "c", value: buttonIn(dm.args.blocks, ASSESSMENT_IDS.actions.resume) }] });
    const review = await openedView("views.open", opensBefore);
    expect(review.callback_id).toBe(ASSESSMENT_IDS.views.review);
    await submitStep(t, EMPLOYEE, review, {});
    expect((await t.aims.core.assessments.find(assessmentRef))).toMatchObject({ status: "submitted", round: 2 });
  });

  it("signs off, sets the re-assessment date by level, and then lets the request be approved", async () => {
    const ask = await t.fake.waitFor("chat.postMessage", (c) => c.args.channel === OWNERS[0] && String(c.args.text).includes(assessmentRef) && textOf(c.args.blocks).includes(`\\"round\\":2`));
    await t.slack.action({ userId: OWNERS[0], channelId: "D0OWNER", responseUrl: t.fake.newResponseUrl(), actions: [{ action_id: ASSESSMENT_IDS.actions.signOff, block_id: "s", value: JSON.stringify({ reference: assessmentRef, round: 2 }) }] });
    await t.fake.waitFor("chat.postMessage", (c) => c.args.channel === EMPLOYEE && String(c.args.text).includes("was signed off"));
    const signed = (await t.aims.core.assessments.find(assessmentRef))!;
    expect(signed).toMatchObject({ status: "signed_off", reviewerId: OWNERS[0], openKey: null });
    expect(signed.nextReassessmentAt!.toISOString()).toBe("2027-06-01T10:00:00.000Z");
    await t.fake.waitFor("chat.update", (c) => c.args.ts === ask.response.ts && textOf(c.args.blocks).includes("Signed off"));

    const stale = t.fake.newResponseUrl();
    await t.slack.action({ userId: OWNERS[0], channelId: "D0OWNER", responseUrl: stale, actions: [{ action_id: ASSESSMENT_IDS.actions.signOff, block_id: "s", value: JSON.stringify({ reference: assessmentRef, round: 1 }) }] });
    expect(textOf((await t.fake.waitForResponseUrlPost((p) => p.url === stale)).body)).toContain(`${assessmentRef} has already been signed off`);

    const approval = t.fake.callsTo("chat.postMessage").find((c) => c.args.channel === APPROVALS_CHANNEL && String(c.args.text).includes(reference))!;
    await clickDecision(t, APPROVERS[0], decisionIds.approve, buttonValue(approval, decisionIds.approve), approvalTs);
    await eventually(async () => expect((await t.aims.core.requests.find(reference))!.status).toBe("approved"));
    const request = await t.aims.core.prisma.aiToolRequest.findUniqueOrThrow({ where: { reference }, include: { aiSystem: true } });
    await eventually(async () => expect((await t.aims.core.assessments.find(assessmentRef))!.aiSystemId).toBe(request.aiSystem!.id));

    const actions = (await t.aims.core.prisma.auditEvent.findMany({ where: { entityId: assessmentRef }, orderBy: { id: "asc" } })).map((e) => e.action);
    expect(actions[0]).toBe("assessment.started");
    expect(actions.filter((a) => a === "assessment.step_saved")).toHaveLength(stepCount);
    expect(actions.slice(-5)).toEqual(["assessment.submitted", "assessment.sent_back", "assessment.submitted", "assessment.signed_off", "assessment.linked_to_register"]);

    const opens = t.fake.callsTo("views.open").length;
    await t.slack.command("URANDOM02", `assess show ${request.aiSystem!.reference}`);
    const shown = await openedView("views.open", opens);
    expect(textOf(shown.blocks)).toContain(assessmentRef);
    expect(textOf(shown.blocks)).toContain("Signed off");
    expect(textOf(shown.blocks)).toContain("2027-06-01");
  });

  it("opens a re-assessment pre-filled from the signed-off one when something changed", async () => {
    const system = (await t.aims.core.prisma.aiSystem.findFirstOrThrow({ where: { name: HIGH_RISK_REQUEST.toolName } }));
    const opens = t.fake.callsTo("views.open").length;
    await t.slack.command(EMPLOYEE, "assess");
    const picker = await openedView("views.open", opens);
    expect(textOf(picker.blocks)).toContain(system.reference);

    const noReason = await submitStep(t, EMPLOYEE, picker, {
      subject: { value: { type: "static_select", selected_option: { value: system.reference } } },
      trigger: { value: { type: "radio_buttons", selected_option: { value: "significant_change" } } },
      change: { value: { type: "plain_text_input", value: "" } },
    });
    expect(noReason.errors).toEqual({ change: "Say what changed, so the re-assessment can focus on it." });
    const started = await submitStep(t, EMPLOYEE, picker, {
      subject: { value: { type: "static_select", selected_option: { value: system.reference } } },
      trigger: { value: { type: "radio_buttons", selected_option: { value: "significant_change" } } },
      change: { value: { type: "plain_text_input", value: "The vendor switched to a new model." } },
    });
    expect(contextText(started.view!)).toContain(`Step 1 of ${stepCount}`);
    expect(textOf(started.view!.blocks)).toContain("Ranks job applicants' CVs for recruiters.");
    const reassessment = (await t.aims.core.assessments.findForDisplay(JSON.parse(started.view!.private_metadata).reference))!;
    expect(reassessment).toMatchObject({ trigger: "significant_change", aiSystemId: system.id, status: "draft", changeDescription: "The vendor switched to a new model." });
    expect(reassessment.previousAssessmentId).not.toBeNull();
  });
});
