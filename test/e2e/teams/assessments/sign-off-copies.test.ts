import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../../../src/core/clock.js";
import { startTestAims, type TestAims } from "../../../support/aims-harness.js";
import { eventually } from "../../../support/eventually.js";
import { VALID_REQUEST } from "../../../support/request-form-state.js";
import { channelConversation, personalChatId, TEAMS_APPROVERS, TEAMS_EMPLOYEE } from "../../../support/teams-activities.js";
import { button, type Card, cardText, clickForCard, clickForMessage, submitTeamsRequest } from "../teams-steps.js";
import { completeInTeams, postedCard, sendForCard, TEAMS_OWNERS, TEAMS_OWNERS_ENV } from "./teams-assessment-steps.js";

const clock = fixedClock(new Date("2026-12-01T10:00:00Z"));
let t: TestAims;
beforeAll(async () => {
  t = await startTestAims({ teams: true, slack: false, clock, env: { TEAMS_OWNERS: TEAMS_OWNERS_ENV } });
  expect((await t.teams.install(TEAMS_APPROVERS[0], channelConversation())).status).toBe(200);
  for (const owner of TEAMS_OWNERS) expect((await t.teams.message(owner, "help")).status).toBe(200);
});
afterAll(async () => {
  await t?.stop();
});

type Owner = (typeof TEAMS_OWNERS)[number];

/** Every card the bot has in an owner's personal chat about this assessment, as it reads now. */
function copiesFor(owner: Owner, assessmentRef: string): { activityId: string; card: Card }[] {
  return t.teams.connector
    .activities(personalChatId(owner))
    .map(({ activityId, body }) => ({ activityId, card: (body.attachments as { content: Card }[] | undefined)?.[0]?.content }))
    .filter((copy): copy is { activityId: string; card: Card } => copy.card !== undefined && cardText(copy.card).includes(assessmentRef));
}
const asksSignOff = ({ card }: { card: Card }) => (card.actions ?? []).some((action) => action.verb === "assessment.sign_off");

describe("sign-off requests in Teams, sent back and resubmitted", () => {
  it("asks again in a new card, and leaves no card asking for sign-off once the new round is decided", async () => {
    const { reference } = await submitTeamsRequest(t, TEAMS_EMPLOYEE, { ...VALID_REQUEST, toolName: "Resubmitted Teams assistant" });
    const first = await sendForCard(t, TEAMS_EMPLOYEE, `assess ${reference}`, "Step 1 of");
    const assessmentRef = String(button(first, "assessment.next").data.reference);
    await completeInTeams(t, TEAMS_EMPLOYEE, first);
    const asked = await postedCard(t, [assessmentRef, "Approve sign-off"], personalChatId(TEAMS_OWNERS[0]));
    await eventually(() => {
      for (const owner of TEAMS_OWNERS) expect(copiesFor(owner, assessmentRef).filter(asksSignOff)).toHaveLength(1);
    });

    await clickForCard(t, TEAMS_OWNERS[0], button(asked.card, "assessment.send_back"), { comments: "Name who reviews rejections." });
    const { card: notice } = await postedCard(t, ["was sent back for changes", assessmentRef], personalChatId(TEAMS_EMPLOYEE));
    const review = await clickForCard(t, TEAMS_EMPLOYEE, button(notice, "assessment.resume"));
    await clickForCard(t, TEAMS_EMPLOYEE, button(review, "assessment.submit"));
    await eventually(() => {
      for (const owner of TEAMS_OWNERS) {
        const copies = copiesFor(owner, assessmentRef);
        expect(copies).toHaveLength(2);
        expect(copies.filter(asksSignOff).map((copy) => copy.card.actions![0]!.data)).toEqual([{ reference: assessmentRef, round: 2 }]);
        expect(cardText(copies[0]!.card)).toContain("**Sent back**");
      }
    });

    // A click on the first card as it was posted (a client that has not refreshed) asks about round 1.
    expect(await clickForMessage(t, TEAMS_OWNERS[0], button(asked.card, "assessment.sign_off"))).toContain(assessmentRef);
    expect(await t.aims.core.assessments.find(assessmentRef)).toMatchObject({ status: "submitted", round: 2 });

    const newest = copiesFor(TEAMS_OWNERS[1], assessmentRef).find(asksSignOff)!;
    await clickForCard(t, TEAMS_OWNERS[1], button(newest.card, "assessment.sign_off"));
    await eventually(() => {
      for (const owner of TEAMS_OWNERS) {
        const copies = copiesFor(owner, assessmentRef);
        expect(copies.filter(asksSignOff)).toEqual([]);
        for (const copy of copies) expect(cardText(copy.card)).toContain("**Signed off**");
      }
    });
    expect(await t.aims.core.assessments.find(assessmentRef)).toMatchObject({ status: "signed_off", round: 2 });
  });
});
