import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ASSESSMENT_IDS } from "../../../../src/channels/slack/assessments/ids.js";
import { fixedClock } from "../../../../src/core/clock.js";
import { EMPLOYEE, OWNERS, startTestAims, type TestAims } from "../../../support/aims-harness.js";
import { eventually } from "../../../support/eventually.js";
import type { StoredMessage } from "../../../support/fake-slack/index.js";
import { VALID_REQUEST } from "../../../support/request-form-state.js";
import { buttonIn, completeAssessmentInSlack, fileRequest, submitStep, textOf, type ModalViewJson } from "./assessment-steps.js";

const ASSESSMENTS_CHANNEL = "C0ASSESSMENTS";
const clock = fixedClock(new Date("2026-12-01T10:00:00Z"));
let t: TestAims;
beforeAll(async () => {
  t = await startTestAims({ clock, env: { SLACK_ASSESSMENTS_CHANNEL: ASSESSMENTS_CHANNEL } });
});
afterAll(async () => {
  await t?.stop();
});

/** Every message the bot has in the assessments channel about this assessment, as it reads now. */
const copiesOf = (assessmentRef: string): StoredMessage[] => t.fake.messages(ASSESSMENTS_CHANNEL).filter((m) => m.text.includes(assessmentRef));
const asksSignOff = (message: StoredMessage) => textOf(message.blocks).includes(ASSESSMENT_IDS.actions.signOff);

async function click(actionId: string, message: StoredMessage) {
  await t.slack.action({
    userId: OWNERS[0],
    channelId: ASSESSMENTS_CHANNEL,
    responseUrl: t.fake.newResponseUrl(),
    actions: [{ action_id: actionId, block_id: "s", value: buttonIn(message.blocks, actionId) }],
  });
}

async function sendBack(message: StoredMessage, round: number) {
  const opens = t.fake.callsTo("views.open").length;
  await click(ASSESSMENT_IDS.actions.sendBack, message);
  const [opened] = (await t.fake.waitForCount("views.open", opens + 1)).slice(opens);
  const modal = opened!.response.view as ModalViewJson;
  await t.slack.submitView(OWNERS[0], { ...modal, state: { values: { comments: { value: { type: "plain_text_input", value: `Fix round ${round}.` } } } } });
}

async function resubmit(assessmentRef: string, round: number) {
  const dm = await t.fake.waitFor("chat.postMessage", (c) => c.args.channel === EMPLOYEE && String(c.args.text).includes(`${assessmentRef} was sent back`) && textOf(c.args.blocks).includes(`Fix round ${round - 1}.`));
  const opens = t.fake.callsTo("views.open").length;
  await t.slack.action({ userId: EMPLOYEE, channelId: "D0EMPLOYEE", responseUrl: t.fake.newResponseUrl(), actions: [{ action_id: ASSESSMENT_IDS.actions.resume, block_id: "c", value: buttonIn(dm.args.blocks, ASSESSMENT_IDS.actions.resume) }] });
  const [opened] = (await t.fake.waitForCount("views.open", opens + 1)).slice(opens);
  await submitStep(t, EMPLOYEE, opened!.response.view as ModalViewJson, {});
  await eventually(() => expect(copiesOf(assessmentRef).some((m) => asksSignOff(m) && textOf(m.blocks).includes(`\\"round\\":${round}`))).toBe(true));
}

describe("sign-off requests in a Slack assessments channel, sent back and resubmitted", () => {
  it("asks again in a new message, and leaves no copy asking for sign-off once the new round is decided", async () => {
    const { reference } = await fileRequest(t, EMPLOYEE, { ...VALID_REQUEST, toolName: "Resubmitted assistant" });
    const assessmentRef = await completeAssessmentInSlack(t, EMPLOYEE, reference);
    await eventually(() => expect(copiesOf(assessmentRef).filter(asksSignOff)).toHaveLength(1));
    const [first] = copiesOf(assessmentRef);

    await sendBack(first!, 1);
    await resubmit(assessmentRef, 2);
    await eventually(() => {
      const asking = copiesOf(assessmentRef).filter(asksSignOff);
      expect(asking.map((m) => m.ts)).toEqual([expect.not.stringMatching(first!.ts)]);
      expect(textOf(copiesOf(assessmentRef).find((m) => m.ts === first!.ts)!.blocks)).toContain("Sent back");
    });

    // A click on the first copy as it was posted (a client that has not refreshed) asks about round 1.
    const asPosted = await t.fake.waitFor("chat.postMessage", (c) => c.response.ts === first!.ts);
    const refused = t.fake.newResponseUrl();
    await t.slack.action({ userId: OWNERS[0], channelId: ASSESSMENTS_CHANNEL, responseUrl: refused, actions: [{ action_id: ASSESSMENT_IDS.actions.signOff, block_id: "s", value: buttonIn(asPosted.args.blocks, ASSESSMENT_IDS.actions.signOff) }] });
    expect(textOf((await t.fake.waitForResponseUrlPost((p) => p.url === refused)).body)).toContain(assessmentRef);
    expect(await t.aims.core.assessments.find(assessmentRef)).toMatchObject({ status: "submitted", round: 2 });

    await click(ASSESSMENT_IDS.actions.signOff, copiesOf(assessmentRef).filter(asksSignOff)[0]!);
    await eventually(() => {
      const copies = copiesOf(assessmentRef);
      expect(copies).toHaveLength(2);
      expect(copies.filter(asksSignOff)).toEqual([]);
      for (const copy of copies) expect(textOf(copy.blocks)).toContain("Signed off");
    });
    expect(await t.aims.core.assessments.find(assessmentRef)).toMatchObject({ status: "signed_off", round: 2 });
  });
});
