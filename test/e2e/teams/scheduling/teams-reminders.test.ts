import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../../../src/core/clock.js";
import { startTestAims, type TestAims } from "../../../support/aims-harness.js";
import { personalChatId, TEAMS_EMPLOYEE } from "../../../support/teams-activities.js";
import { cardIn, cardText, expectCardResponse, expectMessageResponse } from "../teams-steps.js";
import {
  allActions,
  cardsAbout,
  clickCard,
  sayHello,
  TEAMS_AIMS_OWNER,
  TEAMS_COLLEAGUE,
  TEAMS_MANAGER,
  TEAMS_REVIEW_OWNER,
  TEAMS_SCHEDULING_ENV,
  tick,
} from "./teams-scheduling-steps.js";

const clock = fixedClock(new Date("2027-02-01T10:00:00Z")); // a Monday, 10:00 in London
let t: TestAims;

beforeAll(async () => {
  t = await startTestAims({ clock, teams: true, slack: false, env: { ...TEAMS_SCHEDULING_ENV, AIMS_MAX_SNOOZES: "1" } });
  for (const who of [TEAMS_REVIEW_OWNER, TEAMS_COLLEAGUE, TEAMS_AIMS_OWNER]) await sayHello(t, who);
});
afterAll(async () => {
  await t?.stop();
});

/** A review schedule added by the Teams AIMS owner: its owner is a Teams user (AAD object id). */
async function seedReview(title: string, nextDueAt: string, owner = TEAMS_REVIEW_OWNER) {
  const actor = { channel: "teams" as const, id: TEAMS_AIMS_OWNER.aadObjectId };
  const result = await t.aims.core.scheduling.reviews.saveSchedule(actor, { kind: "other", title, ownerId: owner.aadObjectId, intervalMonths: 12, nextDueAt });
  if (result.kind !== "saved") throw new Error(JSON.stringify(result));
  expect(result.schedule.ownerChannel).toBe("teams");
  return result.schedule;
}

describe("review reminders in Teams", () => {
  it("reminds a Teams owner in their personal chat exactly once per stage; only the owner marks it done, with evidence", async () => {
    const schedule = await seedReview("AI policy review 2027", "2027-02-15");

    await tick(t);
    await tick(t);
    const early = cardsAbout(t, TEAMS_REVIEW_OWNER, schedule.reference);
    expect(early).toHaveLength(1);
    expect(early[0]!.version).toBe("1.5");
    expect(cardText(early[0])).toContain("Due in 14 days");
    const actions = allActions(early[0]! as never);
    expect(actions.filter((action) => action.type === "Action.Execute").map((action) => action.title)).toEqual(["Mark done", "Snooze 1 day", "Snooze 1 week", "Reassign"]);
    const picker = actions.find((action) => action.title === "Reassign" && action.card)!.card!.body[0];
    expect(picker).toMatchObject({ type: "Input.ChoiceSet", id: "owner", "choices.data": { type: "Data.Query", dataset: "graph.microsoft.com/users" } });

    clock.set(new Date("2027-02-15T09:30:00Z"));
    await tick(t);
    await tick(t);
    const onTheDay = cardsAbout(t, TEAMS_REVIEW_OWNER, schedule.reference);
    expect(onTheDay).toHaveLength(2);
    const dueToday = onTheDay[1]!;
    expect(cardText(dueToday)).toContain("Due today");

    const refused = await clickCard(t, TEAMS_COLLEAGUE, dueToday, "due.done", { note: "Not mine, but done" });
    expect(expectMessageResponse(refused.body)).toContain(`Only the owner of ${schedule.reference}`);
    const noEvidence = await clickCard(t, TEAMS_REVIEW_OWNER, dueToday, "due.done", { note: "", link: "" });
    expect(expectMessageResponse(noEvidence.body)).toBe("Add a note or a link as evidence");

    const done = await clickCard(t, TEAMS_REVIEW_OWNER, dueToday, "due.done", { note: "Reviewed with legal; no changes", link: "https://wiki.example.com/ai-policy" });
    expect(done.status).toBe(200);
    const outcome = expectCardResponse(done.body);
    expect(cardText(outcome)).toContain("Marked done");
    expect(outcome.actions ?? []).toEqual([]);

    const after = await t.aims.core.prisma.reviewSchedule.findUniqueOrThrow({ where: { id: schedule.id } });
    expect(after.nextDueAt.toISOString()).toBe("2028-02-15T09:00:00.000Z");
    const occurrence = await t.aims.core.prisma.dueItemOccurrence.findFirstOrThrow({ where: { itemId: schedule.reference } });
    expect(occurrence).toMatchObject({ completedByChannel: "teams", completedById: TEAMS_REVIEW_OWNER.aadObjectId, evidenceLink: "https://wiki.example.com/ai-policy" });
    const audit = await t.aims.core.prisma.auditEvent.findMany({ where: { entityId: schedule.reference }, orderBy: { id: "asc" } });
    expect(audit.map((event) => [event.action, event.actorChannel, event.actorId])).toEqual([
      ["review_schedule.added", "teams", TEAMS_AIMS_OWNER.aadObjectId],
      ["due_item.completed", "teams", TEAMS_REVIEW_OWNER.aadObjectId],
    ]);

    const again = await clickCard(t, TEAMS_REVIEW_OWNER, dueToday, "due.done", { note: "Clicked twice" });
    expect(expectMessageResponse(again.body)).toContain("already moved on");
    clock.set(new Date("2027-02-16T10:00:00Z"));
    await tick(t);
    expect(cardsAbout(t, TEAMS_REVIEW_OWNER, schedule.reference)).toHaveLength(2);
  });

  it("snoozes for a day, reminds again the next day, and refuses snoozing past the limit", async () => {
    const schedule = await seedReview("Supplier review", "2027-03-10");
    clock.set(new Date("2027-03-10T10:00:00Z"));
    await tick(t);
    const [dueToday] = cardsAbout(t, TEAMS_REVIEW_OWNER, schedule.reference).slice(-1);
    expect(cardText(dueToday)).toContain("Due today");

    const snoozed = await clickCard(t, TEAMS_REVIEW_OWNER, dueToday!, "due.snooze.day");
    expect(cardText(expectCardResponse(snoozed.body))).toContain("Snoozed for a day, until 2027-03-11");
    const before = cardsAbout(t, TEAMS_REVIEW_OWNER, schedule.reference).length;
    await tick(t);
    expect(cardsAbout(t, TEAMS_REVIEW_OWNER, schedule.reference)).toHaveLength(before);

    clock.set(new Date("2027-03-11T10:01:00Z"));
    await tick(t);
    await tick(t);
    const reminded = cardsAbout(t, TEAMS_REVIEW_OWNER, schedule.reference).slice(before);
    expect(reminded).toHaveLength(1);
    expect(cardText(reminded[0])).toContain("Reminder (snoozed)");

    const limited = await clickCard(t, TEAMS_REVIEW_OWNER, reminded[0]!, "due.snooze.week");
    expect(expectMessageResponse(limited.body)).toContain("snoozed 1 times already");
    const occurrence = await t.aims.core.prisma.dueItemOccurrence.findFirstOrThrow({ where: { itemId: schedule.reference } });
    expect(occurrence.snoozeCount).toBe(1);
  });

  it("reassigns to the person picked, who is told in their personal chat", async () => {
    const schedule = await seedReview("Model card review", "2027-03-12");
    clock.set(new Date("2027-03-12T10:00:00Z"));
    await tick(t);
    const [reminder] = cardsAbout(t, TEAMS_REVIEW_OWNER, schedule.reference).slice(-1);

    const invalid = await clickCard(t, TEAMS_REVIEW_OWNER, reminder!, "due.reassign", { owner: "Casey" });
    expect(expectMessageResponse(invalid.body)).toContain("people picker");
    const reassigned = await clickCard(t, TEAMS_REVIEW_OWNER, reminder!, "due.reassign", { owner: TEAMS_COLLEAGUE.aadObjectId });
    expect(cardText(expectCardResponse(reassigned.body))).toContain(`now belongs to ${TEAMS_COLLEAGUE.name}`);

    const told = await t.teams.connector.waitFor("send", (call) => call.conversationId === personalChatId(TEAMS_COLLEAGUE) && cardText(call.body).includes(schedule.reference));
    expect(cardText(told.body)).toContain(`Assigned to you by ${TEAMS_REVIEW_OWNER.name}`);
    const after = await t.aims.core.prisma.reviewSchedule.findUniqueOrThrow({ where: { id: schedule.id } });
    expect(after).toMatchObject({ ownerChannel: "teams", ownerId: TEAMS_COLLEAGUE.aadObjectId, ownerName: TEAMS_COLLEAGUE.name });
  });

  it("delivers in the owner's working hours in the timezone Teams reports for them", async () => {
    await sayHello(t, TEAMS_EMPLOYEE, "America/New_York");
    const user = await t.aims.core.prisma.teamsUser.findUniqueOrThrow({ where: { aadObjectId: TEAMS_EMPLOYEE.aadObjectId } });
    expect(user.timezone).toBe("America/New_York");

    const schedule = await seedReview("New York office review", "2027-03-15", TEAMS_EMPLOYEE);
    clock.set(new Date("2027-03-15T10:00:00Z")); // 06:00 in New York (EDT)
    await tick(t);
    expect(cardsAbout(t, TEAMS_EMPLOYEE, schedule.reference)).toHaveLength(0);
    const pending = await t.aims.core.prisma.scheduledDelivery.findFirstOrThrow({ where: { occurrenceKey: { contains: schedule.reference } } });
    expect(pending.notBefore.toISOString()).toBe("2027-03-15T13:00:00.000Z"); // 09:00 in New York

    clock.set(new Date("2027-03-15T13:00:00Z"));
    await tick(t);
    expect(cardsAbout(t, TEAMS_EMPLOYEE, schedule.reference)).toHaveLength(1);
  });

  it("retries a reminder Teams refused, instead of counting it as sent", async () => {
    clock.set(new Date("2027-03-16T10:00:00Z"));
    await tick(t); // whatever else is due today goes out first
    const schedule = await seedReview("Data protection review", "2027-03-30");
    t.teams.connector.failNext("send", 403);
    expect(await tick(t)).toMatchObject({ sent: 0, failed: 1 });
    expect(cardsAbout(t, TEAMS_REVIEW_OWNER, schedule.reference)).toHaveLength(0);

    clock.set(new Date("2027-03-16T10:06:00Z"));
    expect(await tick(t)).toMatchObject({ sent: 1, failed: 0 });
    const [card] = cardsAbout(t, TEAMS_REVIEW_OWNER, schedule.reference);
    expect(cardText(card)).toContain("Due in 14 days");
    const delivery = await t.aims.core.prisma.scheduledDelivery.findFirstOrThrow({ where: { occurrenceKey: { contains: schedule.reference } } });
    expect(delivery).toMatchObject({ status: "sent", attempts: 2, channel: "teams", recipientId: TEAMS_REVIEW_OWNER.aadObjectId });
  });
});

describe("objective check-ins in Teams", () => {
  it("prompts a Teams owner to record progress, and records it once", async () => {
    const added = await t.aims.core.scheduling.objectives.add(
      { channel: "teams", id: TEAMS_MANAGER.aadObjectId },
      { title: "Reduce AI incidents", target: "Incidents per quarter", targetValue: 2, ownerId: TEAMS_REVIEW_OWNER.aadObjectId, dueAt: "2027-12-31", cadence: "monthly" },
    );
    if (added.kind !== "added") throw new Error(JSON.stringify(added));
    clock.set(new Date(added.objective.nextCheckInAt.getTime() + 3600_000));
    await tick(t);
    const [prompt] = cardsAbout(t, TEAMS_REVIEW_OWNER, added.objective.reference);
    expect(cardText(prompt)).toContain("Time for a progress check-in");

    const invalid = await clickCard(t, TEAMS_REVIEW_OWNER, prompt!, "objective.checkin", { progress: "at_risk", value: "" });
    expect(expectMessageResponse(invalid.body)).toContain("Enter progress towards the target as a number");
    const recorded = await clickCard(t, TEAMS_REVIEW_OWNER, prompt!, "objective.checkin", { progress: "at_risk", value: "3", note: "Two incidents in January" });
    expect(cardText(expectCardResponse(recorded.body))).toContain("Recorded: 3 of 2");
    const twice = await clickCard(t, TEAMS_REVIEW_OWNER, prompt!, "objective.checkin", { progress: "at_risk", value: "3" });
    expect(cardText(expectCardResponse(twice.body))).toContain("already recorded");

    const checkIns = await t.aims.core.prisma.objectiveCheckIn.findMany({ where: { objectiveId: added.objective.id } });
    expect(checkIns).toHaveLength(1);
    expect(checkIns[0]).toMatchObject({ progress: "at_risk", value: 3, actorChannel: "teams", actorId: TEAMS_REVIEW_OWNER.aadObjectId });
  });

  it("lets a Teams AIMS owner schedule a review and a manager add an objective, from forms checked like Slack's", async () => {
    const { reply: refusal } = await t.teams.ask(TEAMS_COLLEAGUE, "reviews add");
    expect(String(refusal.body.text)).toContain("Only AIMS owners");
    expect(refusal.body.attachments ?? []).toEqual([]);

    const form = cardIn((await t.teams.ask(TEAMS_AIMS_OWNER, "reviews add")).reply);
    expect(cardText(form)).toContain("New review schedule");
    const fields = { kind: "internal_audit", title: "", ownerId: TEAMS_REVIEW_OWNER.aadObjectId, intervalMonths: "6", nextDueAt: "2027-09-01" };
    const invalid = expectCardResponse((await clickCard(t, TEAMS_AIMS_OWNER, form, "review.schedule.save", fields)).body);
    expect(cardText(invalid)).toContain("Give the review a name of at least 3 characters");
    expect(invalid.body.find((element) => element.id === "intervalMonths")).toMatchObject({ value: 6 });
    const saved = expectCardResponse((await clickCard(t, TEAMS_AIMS_OWNER, invalid, "review.schedule.save", { ...fields, title: "Internal audit H2" })).body);
    expect(cardText(saved)).toContain("next due 2027-09-01");
    expect(await t.aims.core.prisma.reviewSchedule.findFirstOrThrow({ where: { title: "Internal audit H2" } })).toMatchObject({
      kind: "internal_audit",
      ownerChannel: "teams",
      ownerId: TEAMS_REVIEW_OWNER.aadObjectId,
      intervalMonths: 6,
    });

    const objectiveForm = cardIn((await t.teams.ask(TEAMS_MANAGER, "objectives add")).reply);
    expect(cardText(objectiveForm)).toContain("New AI objective");
    const added = await clickCard(t, TEAMS_MANAGER, objectiveForm, "objective.save", {
      title: "All AI tools approved before use",
      target: "Share of AI tools in use that were approved",
      targetValue: "100",
      unit: "%",
      ownerId: TEAMS_COLLEAGUE.aadObjectId,
      dueAt: "2027-12-31",
      cadence: "quarterly",
    });
    expect(cardText(expectCardResponse(added.body))).toContain("quarterly check-in");
    expect(await t.aims.core.prisma.objective.findFirstOrThrow({ where: { title: "All AI tools approved before use" } })).toMatchObject({ ownerChannel: "teams", ownerId: TEAMS_COLLEAGUE.aadObjectId, cadence: "quarterly" });
  });

  it("lists objectives and reviews on request", async () => {
    const { reply: objectives } = await t.teams.ask(TEAMS_COLLEAGUE, "objectives");
    expect(cardText(objectives.body)).toContain("AI objectives (2)");
    expect(cardText(objectives.body)).toContain("Reduce AI incidents");
    const { reply: reviews } = await t.teams.ask(TEAMS_COLLEAGUE, "reviews");
    expect(cardText(reviews.body)).toContain("Review schedules (");
    expect(cardText(reviews.body)).toContain("Model card review");
  });
});
