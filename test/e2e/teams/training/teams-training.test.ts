import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../../../src/core/clock.js";
import { TRAINING_IDS } from "../../../../src/features/training/conversation/training-ids.js";
import { loadTrainingModules } from "../../../../src/features/training/load-modules.js";
import type { ConnectorCall } from "../../../support/fake-bot-connector/index.js";
import type { TestAims } from "../../../support/aims-harness.js";
import { cardsSentTo, startTeamsCampaignAims, TESS } from "../campaigns/teams-campaign-steps.js";
import { seedAiSystem } from "../../../support/register-fixtures.js";
import { personalChat, personalChatId, TEAMS_EMPLOYEE, type TeamsPerson } from "../../../support/teams-activities.js";
import { button, cardIn, cardText, clickForCard } from "../teams-steps.js";

const clock = fixedClock(new Date("2027-03-01T10:00:00Z")); // a Monday
const EVE = TEAMS_EMPLOYEE;
const ids = TRAINING_IDS;
const highRisk = loadTrainingModules().find((module) => module.id === "owning-a-high-risk-ai-system")!;
const answers = (pick: (question: (typeof highRisk.questions)[number]) => string) => Object.fromEntries(highRisk.questions.map((question) => [question.id, pick(question)]));
let t: TestAims;

const tick = () => t.aims.core.scheduling.scheduler.tick();
const trainingCardsTo = (who: TeamsPerson): ConnectorCall[] =>
  cardsSentTo(t, who, ids.actions.start);

beforeAll(async () => {
  t = await startTeamsCampaignAims(clock, [EVE]);
  await seedAiSystem(t.aims.core.prisma, { reference: "SYS-0001", ownerChannel: "teams", ownerId: EVE.aadObjectId, riskTier: "high" });
});
afterAll(async () => {
  await t?.stop();
});

describe("AI-literacy training in Teams", () => {
  it("the owner of a high-risk system takes the extra module from the campaign's card: fails, retries, passes once", async () => {
    const { reply } = await t.teams.ask(TESS, "campaign start");
    expect(cardText(cardIn(reply))).toContain("Training: Owning a high-risk AI system (version 1)");
    const started = await t.teams.invoke(TESS, {
      verb: "campaign.start.save",
      data: { versionId: "module:owning-a-high-risk-ai-system:1", audience: "assigned", deadline: "2027-03-10" },
      conversation: personalChat(TESS),
    });
    expect(cardText(started.body)).toContain("Campaign 1 started: training Owning a high-risk AI system version 1 to everyone the module is assigned to (1 person)");
    await tick();
    const [invitation, ...more] = trainingCardsTo(EVE);
    expect(more).toHaveLength(0);
    expect(trainingCardsTo(TESS)).toHaveLength(0);

    const open = cardText(cardIn((await t.teams.ask(EVE, "me")).reply));
    expect(open).toContain("Campaigns still open for you");
    expect(open).toContain("Pass the training Owning a high-risk AI system version 1 by 2027-03-10 (campaign 1)");

    const lessons = await clickForCard(t, EVE, button(cardIn(invitation!), ids.actions.start));
    expect(cardText(lessons)).toContain("Human oversight");
    const quiz = await clickForCard(t, EVE, button(lessons, ids.actions.quiz));
    expect(cardText(quiz)).toContain(highRisk.questions[0]!.text);
    const submitQuiz = button(quiz, ids.views.quiz);

    const failed = await clickForCard(t, EVE, submitQuiz, answers((question) => question.options.find((option) => option.id !== question.answer)!.id));
    expect(cardText(failed)).toContain("Not passed yet");
    expect(cardText(failed)).toContain("0 of 4 correct (0%); the pass mark is 80%");
    expect(cardText(failed)).toContain("Oversight needs competence");
    expect(await t.aims.core.prisma.trainingCompletion.count()).toBe(0);

    const retry = await clickForCard(t, EVE, button(failed, ids.actions.quiz));
    const passed = await clickForCard(t, EVE, button(retry, ids.views.quiz), answers((question) => question.answer));
    expect(cardText(passed)).toContain("You passed **Owning a high-risk AI system**");
    expect(await t.aims.core.prisma.trainingCompletion.findMany()).toEqual([
      expect.objectContaining({ moduleId: "owning-a-high-risk-ai-system", moduleVersion: 1, round: 1, channel: "teams", externalId: EVE.aadObjectId, campaignId: 1, score: 100, attempts: 2 }),
    ]);

    const { reply: progress } = await t.teams.ask(TESS, "campaign");
    expect(cardText(cardIn(progress))).toContain("1 of 1 passed (100%)");
    const me = cardText(cardIn((await t.teams.ask(EVE, "me")).reply));
    expect(me).toContain("Owning a high-risk AI system version 1, passed 2027-03-01 in Teams with 100%, due again");
    expect(me).not.toContain("Pass the training Owning a high-risk AI system");
  });

  it("a year later the pass is due again: the person is reminded in their personal chat and sees it in training", async () => {
    clock.set(new Date("2028-03-02T10:00:00Z"));
    await tick();
    const reminders = t.teams.connector.calls.filter((call) => call.kind === "send" && call.conversationId === personalChatId(EVE) && cardText(call.body).includes("Renew your training"));
    expect(reminders).toHaveLength(1);
    const { reply } = await t.teams.ask(EVE, "training");
    expect(cardText(cardIn(reply))).toContain("renewal due (passed 2027-03-01)");
  });
});
