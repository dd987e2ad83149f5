import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../../../src/core/clock.js";
import { startTestAims, type TestAims } from "../../../support/aims-harness.js";
import type { ConnectorCall } from "../../../support/fake-bot-connector/index.js";
import { personalChatId, type TeamsPerson } from "../../../support/teams-activities.js";
import { cardIn, cardText } from "../teams-steps.js";
import { allActions, clickCard, sayHello, TEAMS_AIMS_OWNER, TEAMS_COLLEAGUE, TEAMS_REVIEW_OWNER, TEAMS_SCHEDULING_ENV, tick } from "./teams-scheduling-steps.js";

const clock = fixedClock(new Date("2027-06-04T10:00:00Z")); // a Friday, 10:00 in London
let t: TestAims;

beforeAll(async () => {
  t = await startTestAims({ clock, teams: true, slack: false, env: TEAMS_SCHEDULING_ENV });
  for (const who of [TEAMS_REVIEW_OWNER, TEAMS_COLLEAGUE, TEAMS_AIMS_OWNER]) await sayHello(t, who);
});
afterAll(async () => {
  await t?.stop();
});

async function seedReview(title: string, nextDueAt: string) {
  const actor = { channel: "teams" as const, id: TEAMS_AIMS_OWNER.aadObjectId };
  const result = await t.aims.core.scheduling.reviews.saveSchedule(actor, { kind: "other", title, ownerId: TEAMS_REVIEW_OWNER.aadObjectId, intervalMonths: 12, nextDueAt });
  if (result.kind !== "saved") throw new Error(JSON.stringify(result));
  return result.schedule;
}

async function at(iso: string) {
  clock.set(new Date(iso));
  await tick(t);
}

/** The reminder cards first sent to this person about one item, oldest first. */
const sentAbout = (who: TeamsPerson, reference: string): ConnectorCall[] =>
  t.teams.connector.accepted("send").filter((call) => call.conversationId === personalChatId(who) && Array.isArray(call.body.attachments) && cardText(call.body).includes(reference));

/** A sent card as it reads now, once the bot has updated it in place. */
async function latest(who: TeamsPerson, sent: ConnectorCall, saying: string) {
  await t.teams.connector.waitFor("update", (call) => call.activityId === sent.responseId && cardText(call.body).includes(saying));
  const now = t.teams.connector.activities(personalChatId(who)).find((activity) => activity.activityId === sent.responseId)!;
  return cardIn({ body: now.body } as ConnectorCall);
}

describe("Teams reminders already sent, once their item is settled", () => {
  it("marking the second reminder done updates both cards to say so, without buttons", async () => {
    const schedule = await seedReview("Vendor AI review", "2027-06-18");
    await tick(t);
    await at("2027-06-15T10:00:00Z");
    const reminders = sentAbout(TEAMS_REVIEW_OWNER, schedule.reference);
    expect(reminders).toHaveLength(2);

    const done = await clickCard(t, TEAMS_REVIEW_OWNER, cardIn(reminders[1]!), "due.done", { note: "Reviewed with legal" });
    expect(done.status).toBe(200);

    for (const reminder of reminders) {
      const card = await latest(TEAMS_REVIEW_OWNER, reminder, "Done by");
      expect(cardText(card)).toContain(`Done by ${TEAMS_REVIEW_OWNER.name} on 2027-06-15`);
      expect(allActions(card as never)).toEqual([]);
    }
  });

  it("the escalation to the AIMS owner is updated when the item's owner marks it done", async () => {
    const schedule = await seedReview("Model inventory review", "2027-06-21");
    await at("2027-06-21T10:00:00Z");
    const [reminder] = sentAbout(TEAMS_REVIEW_OWNER, schedule.reference);
    await at("2027-06-25T10:00:00Z"); // four days overdue, past the 3-day grace period
    const [escalation] = sentAbout(TEAMS_AIMS_OWNER, schedule.reference);
    expect(cardText(cardIn(escalation!))).toContain("Escalation");

    await clickCard(t, TEAMS_REVIEW_OWNER, cardIn(reminder!), "due.done", { note: "Inventory checked" });

    const card = await latest(TEAMS_AIMS_OWNER, escalation!, "Done by");
    expect(cardText(card)).toContain(`Done by ${TEAMS_REVIEW_OWNER.name}`);
    expect(allActions(card as never)).toEqual([]);
  });

  it("a reassigned reminder's old copy says who has it now; once the new owner marks it done, both say so", async () => {
    const schedule = await seedReview("Supplier contract review", "2027-07-09");
    await at("2027-06-25T10:30:00Z");
    const [reminder] = sentAbout(TEAMS_REVIEW_OWNER, schedule.reference);

    await clickCard(t, TEAMS_REVIEW_OWNER, cardIn(reminder!), "due.reassign", { owner: TEAMS_COLLEAGUE.aadObjectId });

    const card = await latest(TEAMS_REVIEW_OWNER, reminder!, "Reassigned");
    expect(cardText(card)).toContain(`Reassigned to ${TEAMS_COLLEAGUE.name}`);
    expect(allActions(card as never)).toEqual([]);
    const [assigned] = sentAbout(TEAMS_COLLEAGUE, schedule.reference);
    expect(cardText(cardIn(assigned!))).toContain("Assigned to you");

    await clickCard(t, TEAMS_COLLEAGUE, cardIn(assigned!), "due.done", { note: "Contract renewed" });

    for (const [who, copy] of [[TEAMS_REVIEW_OWNER, reminder!], [TEAMS_COLLEAGUE, assigned!]] as const) {
      const settled = await latest(who, copy, `Done by ${TEAMS_COLLEAGUE.name}`);
      expect(allActions(settled as never)).toEqual([]);
    }
  });
});
