import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../../../src/core/clock.js";
import { MANAGEMENT_REVIEW_IDS as ids } from "../../../../src/features/management-reviews/conversation/management-review-ids.js";
import { startTestAims, type TestAims } from "../../../support/aims-harness.js";
import type { ConnectorCall } from "../../../support/fake-bot-connector/index.js";
import { channelConversation, personalChatId, TEAMS_APPROVERS } from "../../../support/teams-activities.js";
import { cardIn, cardText, expectCardResponse, expectMessageResponse, type Card } from "../teams-steps.js";
import { sayHello, TEAMS_AIMS_OWNER, TEAMS_COLLEAGUE, TEAMS_REVIEW_OWNER, TEAMS_SCHEDULING_ENV, tick } from "../scheduling/teams-scheduling-steps.js";

const OWNER = TEAMS_AIMS_OWNER;
const REVIEWER = TEAMS_REVIEW_OWNER;
/** Tuesday 1 December 2026, 10:00 in London (UTC in winter). */
const clock = fixedClock(new Date("2026-12-01T10:00:00Z"));

let t: TestAims;
beforeAll(async () => {
  t = await startTestAims({ slack: false, teams: true, clock, env: TEAMS_SCHEDULING_ENV });
  expect((await t.teams.install(TEAMS_APPROVERS[0], channelConversation())).status).toBe(200);
  for (const who of [OWNER, REVIEWER, TEAMS_COLLEAGUE]) await sayHello(t, who);
}, 180_000);
afterAll(async () => {
  await t?.stop();
});

const ask = async (who: typeof OWNER, text: string) => (await t.teams.ask(who, text)).reply;
/** Submits a form card (or clicks a card's button) with what the person typed, and returns the card Teams shows. */
const submitCard = async (who: typeof OWNER, card: Card, verb: string, inputs: Record<string, string> = {}) => expectCardResponse((await clickCard(who, card, verb, inputs)).body);

type Execute = { type: string; verb?: string; data?: Record<string, unknown> };

/** The card's Action.Execute with this verb, wherever it is (the card's actions or an ActionSet in its body). */
function executeOf(card: unknown, verb: string): Execute {
  const found: Execute[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === "object") {
      const element = node as Execute;
      if (element.type === "Action.Execute" && element.verb === verb) found.push(element);
      Object.values(node).forEach(walk);
    }
  };
  walk(card);
  if (!found[0]) throw new Error(`no ${verb} in ${cardText(card)}`);
  return found[0];
}

const clickCard = (who: typeof OWNER, card: Card, verb: string, inputs: Record<string, string> = {}) =>
  t.teams.invoke(who, { verb, data: { ...executeOf(card, verb).data, ...inputs } });

describe("management reviews in Teams", () => {
  let inputsCard: Card;

  it("lets the AIMS owner schedule a review with its reviewers; others may not", async () => {
    expect(String((await ask(TEAMS_COLLEAGUE, "management-review schedule")).body.text)).toBe("Only AIMS owners can schedule management reviews.");
    expect(String((await ask(TEAMS_COLLEAGUE, "help")).body.text)).toContain("**management-review**");

    const form = cardIn(await ask(OWNER, "management-review schedule"));
    const missing = await submitCard(OWNER, form, ids.schedule, { title: "Q4 management review", date: "2026-12-10" });
    expect(cardText(missing)).toContain("Name at least one reviewer, or choose a role whose holders review");
    const scheduled = await submitCard(OWNER, form, ids.schedule, { title: "Q4 management review", date: "2026-12-10", reviewer1: REVIEWER.aadObjectId });
    expect(cardText(scheduled)).toContain("MR-0001: Q4 management review");
    expect(cardText(scheduled)).toContain("Riley Reviewer");
    expect(await t.aims.core.managementReviews.find("MR-0001")).toMatchObject({ status: "scheduled", scheduledAt: new Date("2026-12-10T09:00:00Z"), organiserChannel: "teams" });

    const list = cardIn(await ask(TEAMS_COLLEAGUE, "management-review"));
    expect(cardText(list)).toContain("MR-0001");
    expect(cardText(list)).not.toContain(ids.scheduleForm);
  });

  it("sends the reviewer the 9.3.2 inputs on the day, in their personal chat", async () => {
    clock.set(new Date("2026-12-10T09:00:30Z"));
    await tick(t);
    const sent = await t.teams.connector.waitFor("send", (call: ConnectorCall) => call.conversationId === personalChatId(REVIEWER) && cardText(call.body).includes("Management review MR-0001 today"));
    inputsCard = cardIn(sent);
    for (const expected of ["9.3.2 a) Status of actions from previous management reviews", "Incidents reported: 0 (previous period: 0, the same)", "No internal audit reported in the period.", "Corrective actions: 0 open (0 overdue), 0 done in the period."]) {
      expect(cardText(inputsCard)).toContain(expected);
    }
  });

  it("records a decision and an owned action from the inputs card; the action is reminded on its day", async () => {
    const outsider = await clickCard(TEAMS_COLLEAGUE, inputsCard, ids.decisionForm);
    expect(expectMessageResponse(outsider.body)).toBe("Only the reviewers of MR-0001, whoever organised it and AIMS owners can do that.");

    const decisionForm = await submitCard(REVIEWER, inputsCard, ids.decisionForm);
    const decided = await submitCard(REVIEWER, decisionForm, ids.decide, { kind: "resource", text: "Fund a second reviewer for prompt changes" });
    expect(cardText(decided)).toContain("Resource need");

    const actionForm = await submitCard(REVIEWER, inputsCard, ids.actionForm);
    const added = await submitCard(REVIEWER, actionForm, ids.addAction, { description: "Hire a prompt reviewer", ownerId: OWNER.aadObjectId, dueDate: "2026-12-18" });
    expect(cardText(added)).toContain("Hire a prompt reviewer");
    const [action] = await t.aims.core.prisma.managementReviewAction.findMany();
    expect(action).toMatchObject({ ownerChannel: "teams", ownerId: OWNER.aadObjectId, dueDate: new Date("2026-12-18T00:00:00Z") });

    clock.set(new Date("2026-12-18T10:00:00Z"));
    await tick(t);
    const reminder = await t.teams.connector.waitFor("send", (call: ConnectorCall) => call.conversationId === personalChatId(OWNER) && cardText(call.body).includes(`MR-0001/A-${action!.id}`));
    expect(cardText(reminder.body)).toContain("Hire a prompt reviewer");
    // Mark done on the reminder completes the action itself, audited.
    const done = await t.teams.invoke(OWNER, { verb: "due.done", data: { ...executeOf(cardIn(reminder), "due.done").data, note: "Hired" } });
    expect(done.status).toBe(200);
    expect(await t.aims.core.prisma.managementReviewAction.findUnique({ where: { id: action!.id } })).toMatchObject({ status: "done", completedAt: clock.now() });
    expect(await t.aims.core.prisma.auditEvent.count({ where: { action: "management_review.action_done", entityId: String(action!.id) } })).toBe(1);
  });

  it("closes the review with minutes, which the audit pack holds", async () => {
    const closeForm = await submitCard(REVIEWER, inputsCard, ids.closeForm);
    const closed = await submitCard(REVIEWER, closeForm, ids.close, { minutes: "Attended: Olivia and Riley. Resourcing agreed for prompt reviews." });
    expect(cardText(closed)).toContain("Minutes");
    expect(cardText(closed)).toContain("Closed by Riley Reviewer on 2026-12-18.");
    expect(await t.aims.core.managementReviews.find("MR-0001")).toMatchObject({ status: "closed", closedById: REVIEWER.aadObjectId });
    const late = await clickCard(REVIEWER, inputsCard, ids.decisionForm);
    expect(expectMessageResponse(late.body)).toBe("MR-0001 is closed: its minutes are final.");

    const { reply } = await t.teams.ask(OWNER, "export");
    const consent = (reply.body.attachments as { name: string; content: Record<string, unknown> }[])[0]!;
    const upload = t.teams.connector.uploads.create(consent.name);
    await t.teams.fileConsent(OWNER, { action: "accept", context: consent.content.acceptContext, uploadInfo: upload, replyToId: reply.responseId! });
    await t.teams.connector.waitFor("send", (call: ConnectorCall) => call.conversationId === personalChatId(OWNER) && cardText(call.body).includes("file.info"), 30_000);
    const files = unzipSync(new Uint8Array(t.teams.connector.uploads.completed(upload.uniqueId)!));
    const csv = Object.entries(files).find(([name]) => name.endsWith("records/management-reviews.csv"))![1];
    expect(strFromU8(csv)).toContain("Attended: Olivia and Riley. Resourcing agreed for prompt reviews.");
  }, 60_000);
});
