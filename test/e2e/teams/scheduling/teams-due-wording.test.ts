import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../../../src/core/clock.js";
import { startTestAims, type TestAims } from "../../../support/aims-harness.js";
import { messageActivity, personalChatId, type TeamsPerson } from "../../../support/teams-activities.js";
import { cardText } from "../teams-steps.js";
import { cardsAbout, sayHello, TEAMS_AIMS_OWNER, TEAMS_REVIEW_OWNER, TEAMS_SCHEDULING_ENV, tick } from "./teams-scheduling-steps.js";

const DAY = 86400_000;
const clock = fixedClock(new Date("2027-02-01T10:00:00Z")); // a Monday, 10:00 in London
const NEVER_SEEN = "5d0c1e2f-3a4b-4c5d-8e6f-7a8b9c0d1e2f";
const AIMS_OWNER = { channel: "teams" as const, id: TEAMS_AIMS_OWNER.aadObjectId };
let t: TestAims;

beforeAll(async () => {
  // Working hours from 08:00, so a reminder planned for yesterday's due date goes out early this morning.
  t = await startTestAims({ clock, teams: true, slack: false, env: { ...TEAMS_SCHEDULING_ENV, AIMS_WORKING_HOURS: "08:00-17:00" } });
  for (const who of [TEAMS_REVIEW_OWNER, TEAMS_AIMS_OWNER]) await sayHello(t, who);
});
afterAll(async () => {
  await t?.stop();
});

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

async function seedReview(title: string, nextDueAt: Date, ownerId = TEAMS_REVIEW_OWNER.aadObjectId) {
  const result = await t.aims.core.scheduling.reviews.saveSchedule(AIMS_OWNER, { kind: "other", title, ownerId, intervalMonths: 12, nextDueAt: isoDay(nextDueAt) });
  if (result.kind !== "saved") throw new Error(JSON.stringify(result));
  return result.schedule;
}

/** Sends a command in the person's personal chat and returns the card the bot answers with. */
async function command(who: TeamsPerson, text: string, answerContains: string): Promise<string> {
  const sent = t.teams.connector.accepted("send").length;
  expect((await t.teams.send(messageActivity(t.teams.connector.serviceUrl, who, text))).status).toBe(200);
  const answer = await t.teams.connector.waitFor(
    "send",
    (call) => t.teams.connector.accepted("send").indexOf(call) >= sent && call.conversationId === personalChatId(who) && cardText(call.body).includes(answerContains),
  );
  return cardText(answer.body);
}

describe("people and due dates in Teams lists and reminders", () => {
  it("names owners in the objectives and reviews lists instead of showing their Entra object ids", async () => {
    const dueAt = new Date(clock.now().getTime() + 20 * DAY);
    const added = await t.aims.core.scheduling.objectives.add(AIMS_OWNER, {
      title: "Explain every automated decision",
      target: "Share of decisions with an explanation",
      targetValue: "100",
      ownerId: TEAMS_REVIEW_OWNER.aadObjectId,
      dueAt: isoDay(dueAt),
      cadence: "monthly",
    });
    expect(added.kind).toBe("added");
    await seedReview("Named owner review", dueAt);
    await seedReview("Unknown owner review", dueAt, NEVER_SEEN);

    const objectives = await command(TEAMS_AIMS_OWNER, "objectives", "Explain every automated decision");
    expect(objectives).toContain(TEAMS_REVIEW_OWNER.name);
    expect(objectives).not.toContain(TEAMS_REVIEW_OWNER.aadObjectId);

    const reviews = await command(TEAMS_AIMS_OWNER, "reviews", "Named owner review");
    expect(reviews).toContain(`Due in 20 days · ${isoDay(dueAt)}`);
    expect(reviews).toContain(`UTC · ${TEAMS_REVIEW_OWNER.name}`);
    expect(reviews).not.toContain(TEAMS_REVIEW_OWNER.aadObjectId);
    expect(reviews).toContain(`someone not yet seen by the bot (Teams id ${NEVER_SEEN})`);
    expect(reviews).not.toContain(`· ${NEVER_SEEN}`);
  });

  it("heads a reminder sent the day after the due date with how overdue it is, as the reviews list says", async () => {
    const dueAt = new Date(clock.now().getTime() + 8 * DAY); // Tuesday 9 February, 10:00
    const schedule = await seedReview("Fairness metrics review", dueAt);
    clock.set(new Date(dueAt.getTime() + DAY - 90 * 60_000)); // Wednesday 08:30: the on-the-day reminder goes out late
    await tick(t);
    const [late] = cardsAbout(t, TEAMS_REVIEW_OWNER, schedule.reference);
    expect(cardText(late)).toContain("1 day overdue");
    expect(cardText(late)).not.toContain("Due today");
    expect(await command(TEAMS_REVIEW_OWNER, "reviews", schedule.reference)).toContain(`**1 day overdue** · ${isoDay(dueAt)}`);

    clock.set(new Date(dueAt.getTime() + 3 * DAY)); // the grace period is over: the AIMS owner hears, with the owner named
    await tick(t);
    const [escalation] = cardsAbout(t, TEAMS_AIMS_OWNER, schedule.reference);
    expect(cardText(escalation)).toContain("Escalation: 3 days overdue");
    expect(cardText(escalation)).toContain(TEAMS_REVIEW_OWNER.name);
    expect(await command(TEAMS_AIMS_OWNER, "reviews", schedule.reference)).toContain(`**3 days overdue** · ${isoDay(dueAt)}`);
  });
});
