import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../../../src/core/clock.js";
import { startTestAims, type TestAims } from "../../../support/aims-harness.js";
import { eventually } from "../../../support/eventually.js";
import { TEAMS_MESSAGE_LIMIT_BYTES } from "../../../support/fake-bot-connector/index.js";
import { VALID_REQUEST } from "../../../support/request-form-state.js";
import { channelConversation, personalChatId, TEAMS_APPROVERS, TEAMS_EMPLOYEE, TEAMS_OTHER } from "../../../support/teams-activities.js";
import { button, type Card, cardText, click, clickForCard, clickForMessage, clickTeamsDecision, expectCardResponse, expectChannelPostsAddressNoOne, inputsOf, submitTeamsRequest } from "../teams-steps.js";
import { fillStep, HIGH_RISK_REQUEST, postedCard, sendForCard, stepLine, TEAMS_OWNERS, TEAMS_OWNERS_ENV } from "./teams-assessment-steps.js";

const clock = fixedClock(new Date("2026-12-01T10:00:00Z"));
const ASSESSOR = TEAMS_APPROVERS[0];
let t: TestAims;
beforeAll(async () => {
  t = await startTestAims({ teams: true, slack: false, clock, env: { TEAMS_OWNERS: TEAMS_OWNERS_ENV } });
  expect((await t.teams.install(TEAMS_APPROVERS[0], channelConversation())).status).toBe(200);
  // One owner has a personal chat with the bot; the other has only been seen in a channel, so the bot opens a chat
  // with them for the sign-off card. Both copies must be updated when the other owner decides.
  expect((await t.teams.message(TEAMS_OWNERS[0], "help")).status).toBe(200);
  expect((await t.teams.message(TEAMS_OWNERS[1], "help", channelConversation())).status).toBe(200);
});

/** Where each owner's sign-off cards go: the known personal chat, or the one the bot opened. */
async function signOffChatOf(owner: (typeof TEAMS_OWNERS)[number]): Promise<string> {
  if (owner === TEAMS_OWNERS[0]) return personalChatId(owner);
  const opened = await t.teams.connector.waitFor("createConversation", (c) => JSON.stringify(c.body.members).includes(owner.id));
  return opened.responseId!;
}
afterAll(async () => {
  await t?.stop();
});

describe("impact assessment of a high-risk request, end to end through Teams", () => {
  let reference: string;
  let approval: { card: Card; activityId: string };
  let assessmentRef: string;
  let stepCount: number;
  let step2: Card;

  it("refuses to approve a high-risk request before an assessment is signed off, and offers to start one on the card", async () => {
    const submitted = await submitTeamsRequest(t, TEAMS_EMPLOYEE, { ...VALID_REQUEST, ...HIGH_RISK_REQUEST });
    reference = submitted.reference;
    approval = { card: submitted.approvalCard, activityId: submitted.approval.responseId! };
    expect((await t.aims.core.requests.find(reference))!.riskTier).toBe("high");

    const { body } = await clickTeamsDecision(t, TEAMS_APPROVERS[0], approval, "request.approve");
    const gated = expectCardResponse(body);
    expect(cardText(gated)).toContain("is high risk, so it can only be approved once an AI system impact assessment");
    expect(cardText(gated)).toContain("No assessment has been started yet.");
    expect(button(gated, "assessment.start_for_request")).toMatchObject({ title: "Start assessment", data: { reference } });
    expect(button(gated, "request.approve").data).toEqual({ reference, revision: 1 });
    expect((await t.aims.core.requests.find(reference))!.status).toBe("pending");
    // The channel's stored reference names whoever spoke there last, who is not whom the post is for.
    expectChannelPostsAddressNoOne(t.teams.connector);
  });

  it("starts from the gate's button in the clicker's personal chat, shows errors per question with what was typed, and saves every step", async () => {
    const { body } = await clickTeamsDecision(t, TEAMS_APPROVERS[0], approval, "request.approve");
    const told = await clickForMessage(t, ASSESSOR, button(expectCardResponse(body), "assessment.start_for_request"), {}, channelConversation());
    expect(told).toMatch(/^Started ASM-\d{4}: I've put it in our personal chat/);
    assessmentRef = /ASM-\d{4}/.exec(told)![0];
    stepCount = t.aims.core.assessments.steps.length;

    const { card: first } = await postedCard(t, [`Step 1 of ${stepCount}`, assessmentRef]);
    expect(first.version).toBe("1.5");
    expect(first.actions!.map((action) => action.title)).toEqual(["Next"]);

    const typed = fillStep(first, { purpose: null, decision_role: null });
    const invalid = await clickForCard(t, ASSESSOR, button(first, "assessment.next"), typed);
    expect(stepLine(invalid)).toContain(`Step 1 of ${stepCount}`);
    const texts = invalid.body.map((element) => String(element.text ?? ""));
    expect(texts.filter((text) => text === "This question needs an answer.")).toHaveLength(2);
    const purposeAt = invalid.body.findIndex((element) => element.id === "q.purpose");
    expect(invalid.body[purposeAt + 1]!.text === "This question needs an answer." || invalid.body[purposeAt + 2]!.text === "This question needs an answer.").toBe(true);
    for (const input of inputsOf(invalid).filter((i) => typed[String(i.id)])) expect(input.value).toBe(typed[String(input.id)]);
    expect((await t.aims.core.assessments.find(assessmentRef))!.answers).toEqual({});

    step2 = await clickForCard(t, ASSESSOR, button(first, "assessment.next"), fillStep(first, { purpose: "Ranks job applicants' CVs for recruiters." }));
    expect(stepLine(step2)).toContain(`Step 2 of ${stepCount}`);
    expect(step2.actions!.map((action) => action.title)).toEqual(["Back", "Next"]);
    const saved = (await t.aims.core.assessments.find(assessmentRef))!;
    expect(saved).toMatchObject({ status: "draft", currentStep: 1, assessorChannel: "teams", assessorId: ASSESSOR.aadObjectId, definitionVersion: "1" });
    expect(saved.answers).toMatchObject({ purpose: "Ranks job applicants' CVs for recruiters.", decision_role: "informs" });
  });

  it("loses nothing when the chat is closed: assess offers to resume, and the rest is stepped through within Teams' card limits", async () => {
    const picker = await sendForCard(t, ASSESSOR, "assess", "Impact assessment");
    expect(cardText(picker)).toContain(`step 2 of ${stepCount}`);
    expect(JSON.stringify(inputsOf(picker).find((input) => input.id === "subject"))).toContain(reference);
    let card = await clickForCard(t, ASSESSOR, button(picker, "assessment.resume"));
    expect(stepLine(card)).toContain(`Step 2 of ${stepCount}`);

    const sizes: number[] = [];
    for (let step = 2; step <= stepCount; step += 1) {
      const { body, size } = await click(t, ASSESSOR, button(card, "assessment.next"), fillStep(card, { data_shared_with_vendor: "vendor_may_train" }));
      sizes.push(size);
      card = expectCardResponse(body);
      if (step === 3) {
        // Back keeps what was typed in the step being left, and shows the previous step with its saved answers.
        const previous = await clickForCard(t, ASSESSOR, button(card, "assessment.back"), fillStep(card, { fairness_measures: "Typed, then went back." }));
        expect(stepLine(previous)).toContain(`Step 3 of ${stepCount}`);
        expect(inputsOf(previous).some((input) => input.value !== undefined)).toBe(true);
        const draft = (await t.aims.core.assessments.find(assessmentRef))!;
        expect(draft.answers).toMatchObject({ fairness_measures: "Typed, then went back." });
        expect(draft.currentStep).toBe(3);
        card = await clickForCard(t, ASSESSOR, button(previous, "assessment.next"), fillStep(previous, { data_shared_with_vendor: "vendor_may_train" }));
        expect(stepLine(card)).toContain(`Step 4 of ${stepCount}`);
        const forward = inputsOf(card).find((input) => input.id === "q.fairness_measures");
        if (forward) expect(forward.value).toBe("Typed, then went back.");
      }
    }
    // The largest step of the default questionnaire still fits one Teams message.
    expect(Math.max(...sizes)).toBeLessThan(TEAMS_MESSAGE_LIMIT_BYTES - 2048);

    expect(cardText(card)).toContain("Impact level: 🔴 High");
    expect(cardText(card)).toContain("high: our data is sent to a vendor that may use it to train its models");
    const sent = await clickForCard(t, ASSESSOR, button(card, "assessment.submit"));
    expect(cardText(sent)).toContain("is with the AIMS owners for sign-off");
    const stored = (await t.aims.core.assessments.find(assessmentRef))!;
    expect(stored).toMatchObject({ status: "submitted", round: 1, level: "high" });
    expect(stored.controls).toEqual(expect.arrayContaining(["6.1.4", "8.4", "A.5.2", "A.5.3", "A.5.4", "A.5.5"]));
  });

  it("refuses a non-owner, lets an owner send it back with comments, updates the other owner's card, and the assessor resubmits", async () => {
    const asks = await Promise.all(TEAMS_OWNERS.map(async (owner) => postedCard(t, [assessmentRef, "Approve sign-off"], await signOffChatOf(owner))));
    const [first, second] = asks;
    expect(cardText(first.card)).toContain("🔴 High");

    expect(await clickForMessage(t, TEAMS_OTHER, button(first.card, "assessment.sign_off"))).toBe("Only the AIMS owners can sign off impact assessments.");
    expect(await clickForMessage(t, ASSESSOR, button(first.card, "assessment.sign_off"))).toBe("Only the AIMS owners can sign off impact assessments.");

    const noComment = await clickForMessage(t, TEAMS_OWNERS[0], button(first.card, "assessment.send_back"), { comments: "" });
    expect(noComment).toContain("Say what the assessor should change.");
    expect((await t.aims.core.assessments.find(assessmentRef))!.status).toBe("submitted");

    const sentBack = await clickForCard(t, TEAMS_OWNERS[0], button(first.card, "assessment.send_back"), { comments: "Name who reviews rejections." });
    expect(cardText(sentBack)).toContain("**Sent back** by Olga Owner");
    expect(sentBack.actions).toBeUndefined();
    await t.teams.connector.waitFor("update", (c) => c.activityId === second.call.responseId && cardText(c.body).includes("Sent back"));

    const { card: notice } = await postedCard(t, ["was sent back for changes", assessmentRef, "Name who reviews rejections."]);
    const review = await clickForCard(t, ASSESSOR, button(notice, "assessment.resume"));
    expect(cardText(review)).toContain("Send for sign-off");
    await clickForCard(t, ASSESSOR, button(review, "assessment.submit"));
    expect(await t.aims.core.assessments.find(assessmentRef)).toMatchObject({ status: "submitted", round: 2 });
  });

  it("signs off, sets the re-assessment date by level, refuses a stale click, and then lets the request be approved", async () => {
    const { card } = await postedCard(t, [assessmentRef, "Approve sign-off", '"round":2'], await signOffChatOf(TEAMS_OWNERS[1]));
    const signed = await clickForCard(t, TEAMS_OWNERS[1], button(card, "assessment.sign_off"));
    expect(cardText(signed)).toContain("**Signed off** by Omar Owner; next re-assessment due 2027-06-01");
    const stored = (await t.aims.core.assessments.find(assessmentRef))!;
    expect(stored).toMatchObject({ status: "signed_off", reviewerChannel: "teams", reviewerId: TEAMS_OWNERS[1].aadObjectId, openKey: null });
    expect(stored.nextReassessmentAt!.toISOString()).toBe("2027-06-01T10:00:00.000Z");
    await postedCard(t, ["was signed off", assessmentRef, "2027-06-01"]);
    const ownerOneCopy = await postedCard(t, [assessmentRef, '"round":2'], personalChatId(TEAMS_OWNERS[0]));
    await t.teams.connector.waitFor("update", (c) => c.activityId === ownerOneCopy.call.responseId && cardText(c.body).includes("Signed off"));

    const stale = { ...button(card, "assessment.sign_off"), data: { reference: assessmentRef, round: 1 } };
    expect(await clickForMessage(t, TEAMS_OWNERS[0], stale)).toBe(`${assessmentRef} has already been signed off by Omar Owner.`);

    const { body } = await clickTeamsDecision(t, TEAMS_APPROVERS[0], approval, "request.approve");
    expect(cardText(expectCardResponse(body))).toContain("Approved");
    const request = await t.aims.core.prisma.aiToolRequest.findUniqueOrThrow({ where: { reference }, include: { aiSystem: true } });
    expect(request.status).toBe("approved");
    await eventually(async () => expect((await t.aims.core.assessments.find(assessmentRef))!.aiSystemId).toBe(request.aiSystem!.id));

    const shown = await sendForCard(t, TEAMS_OTHER, `assess show ${request.aiSystem!.reference}`, assessmentRef);
    expect(cardText(shown)).toContain("✅ Signed off");
    expect(cardText(shown)).toContain("2027-06-01");
  });

  it("opens a re-assessment pre-filled from the signed-off one when something changed", async () => {
    const system = await t.aims.core.prisma.aiSystem.findFirstOrThrow({ where: { name: HIGH_RISK_REQUEST.toolName } });
    const picker = await sendForCard(t, ASSESSOR, "assess", "Impact assessment");
    const start = button(picker, "assessment.start");
    const noReason = await clickForCard(t, ASSESSOR, start, { subject: system.reference, trigger: "significant_change", change: "" });
    expect(cardText(noReason)).toContain("Say what changed, so the re-assessment can focus on it.");
    expect(inputsOf(noReason).find((input) => input.id === "subject")!.value).toBe(system.reference);

    const started = await clickForCard(t, ASSESSOR, start, { subject: system.reference, trigger: "significant_change", change: "The vendor switched to a new model." });
    expect(stepLine(started)).toContain(`Step 1 of ${stepCount}`);
    expect(inputsOf(started).find((input) => input.id === "q.purpose")!.value).toBe("Ranks job applicants' CVs for recruiters.");
    const reassessment = (await t.aims.core.assessments.findForDisplay(String(button(started, "assessment.next").data.reference)))!;
    expect(reassessment).toMatchObject({ trigger: "significant_change", aiSystemId: system.id, status: "draft", changeDescription: "The vendor switched to a new model." });
    expect(reassessment.previousAssessmentId).not.toBeNull();
  });

  it("keeps the questionnaire out of channels", async () => {
    const { reply: said } = await t.teams.ask(TEAMS_OTHER, "assess", channelConversation());
    expect(String(said.body.text)).toContain("filled in our personal chat");
    expect(said.conversationId).toBe(channelConversation().id);
  });
});
