import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../../../src/core/clock.js";
import { exportAndRecord } from "../../../../src/features/evidence/audit-pack-service.js";
import { TRAINING_IDS } from "../../../../src/features/training/conversation/training-ids.js";
import { loadTrainingModules } from "../../../../src/features/training/load-modules.js";
import { EMPLOYEE, OWNERS, startTestAims, type TestAims } from "../../../support/aims-harness.js";
import type { FakeSlackCall } from "../../../support/fake-slack/index.js";
import { seedAiSystem } from "../../../support/register-fixtures.js";
import { bodyText, CAMPAIGN_ENV, campaignValues, clickDm, finishedModal, formFrom, submit, tick } from "../campaigns/campaign-steps.js";
import { followUpState, viewOpenedBy } from "../incidents/incident-steps.js";

const clock = fixedClock(new Date("2027-03-01T10:00:00Z")); // a Monday
const OWNER = OWNERS[0];
const SYSTEM_OWNER = "USYSOWNER01";
const ids = TRAINING_IDS;
const [basics] = loadTrainingModules().filter((module) => module.id === "ai-literacy-basics");
const rightAnswers = Object.fromEntries(basics!.questions.map((question) => [question.id, { option: question.answer }]));
const mostlyWrong = { ...rightAnswers, "confident-answer": { option: "use" }, "new-tool": { option: "personal" } };
let t: TestAims;

const trainingDmsTo = (userId: string): FakeSlackCall[] =>
  t.fake.callsTo("chat.postMessage").filter((call) => call.args.channel === userId && JSON.stringify(call.args.blocks ?? []).includes(ids.actions.start));

/** Opens the quiz from a button of the lessons (the invitation's message, replaced in place). */
const openQuiz = (userId: string, message: FakeSlackCall, campaignId: number) =>
  viewOpenedBy(t, () =>
    t.slack.action({
      userId,
      channelId: String(message.response.channel),
      message: { ts: String(message.response.ts), type: "message", text: "" },
      responseUrl: t.fake.newResponseUrl(),
      actions: [{ action_id: ids.actions.quiz, block_id: "actions", value: JSON.stringify({ moduleId: basics!.id, version: 1, campaignId }) }],
    }),
  );

beforeAll(async () => {
  t = await startTestAims({ clock, env: CAMPAIGN_ENV });
  for (const id of [EMPLOYEE, SYSTEM_OWNER]) {
    t.fake.addUser({ id, name: id.toLowerCase() });
    await t.aims.core.directory.observe({ channel: "slack", id, name: id.toLowerCase() });
  }
  await seedAiSystem(t.aims.core.prisma, { reference: "SYS-0001", ownerChannel: "slack", ownerId: SYSTEM_OWNER, riskTier: "high" });
});
afterAll(async () => {
  await t?.stop();
});

describe("AI-literacy training in Slack", () => {
  it("each person sees the modules assigned to them: the owner of a high-risk system gets the extra module", async () => {
    // The list opens in a modal, as other /aims lists do.
    const employee = JSON.stringify((await formFrom(t, EMPLOYEE, "training")).blocks);
    expect(employee).toContain("AI literacy basics");
    expect(employee).not.toContain("Owning a high-risk AI system");
    const owner = JSON.stringify((await formFrom(t, SYSTEM_OWNER, "training")).blocks);
    expect(owner).toContain("AI literacy basics");
    expect(owner).toContain("Owning a high-risk AI system");
  });

  it("a campaign of the high-risk module goes to whom its rules assign it", async () => {
    const view = await formFrom(t, OWNER, "campaign start");
    expect(JSON.stringify(view.blocks)).toContain("Training: Owning a high-risk AI system (version 1)");
    const values = campaignValues({ versionId: 0, audience: "assigned", deadline: "2027-03-10" });
    (values.versionId as Record<string, { selected_option: { value: string } }>)[Object.keys(values.versionId!)[0]!]!.selected_option.value = "module:owning-a-high-risk-ai-system:1";
    expect(await submit(t, OWNER, view, values)).toMatchObject({ response_action: "update" });
    expect(await finishedModal(t, view, "Campaign 1 started")).toContain("training Owning a high-risk AI system version 1 to everyone the module is assigned to (1 person)");
    const recipients = await t.aims.core.prisma.campaignRecipient.findMany({ where: { campaignId: 1 } });
    expect(recipients.map((recipient) => recipient.externalId)).toEqual([SYSTEM_OWNER]);
  });

  it("a person takes the basics from the campaign's message: lessons, a failed quiz with explanations, then a pass recorded once", async () => {
    const view = await formFrom(t, OWNER, "campaign start");
    const values = campaignValues({ versionId: 0, audience: "everyone", deadline: "2027-03-10" });
    (values.versionId as Record<string, { selected_option: { value: string } }>)[Object.keys(values.versionId!)[0]!]!.selected_option.value = "module:ai-literacy-basics:1";
    expect(await submit(t, OWNER, view, values)).toMatchObject({ response_action: "update" });
    await finishedModal(t, view, "Campaign 2 started");
    await tick(t);
    const [invitation, ...more] = trainingDmsTo(EMPLOYEE);
    expect(more).toHaveLength(0);
    expect(bodyText({ text: String(invitation!.args.text), blocks: invitation!.args.blocks as unknown[] })).toContain("Please take the training AI literacy basics (version 1)");

    const lessons = await clickDm(t, EMPLOYEE, invitation!, ids.actions.start);
    expect(lessons.replace_original).toBe(true);
    expect(bodyText(lessons)).toContain("What you may put into an AI tool");
    expect(bodyText(lessons)).toContain(ids.actions.quiz);

    const quiz = await openQuiz(EMPLOYEE, invitation!, 2);
    expect(quiz.callback_id).toBe(ids.views.quiz);
    const failed = (await submit(t, EMPLOYEE, quiz, followUpState(mostlyWrong))) as unknown as { response_action: string; view: unknown };
    expect(failed.response_action).toBe("update");
    const failedText = JSON.stringify(failed.view);
    expect(failedText).toContain("Not passed yet");
    expect(failedText).toContain("3 of 5 correct (60%); the pass mark is 80%");
    expect(failedText).toContain("Correct answer: Check the figure and that the source exists and says so");
    expect(failedText).toContain("AI tools can invent figures and sources that look real");
    expect(failedText).toContain(ids.actions.quiz); // Try again
    expect(await t.aims.core.prisma.trainingCompletion.count()).toBe(0);

    const retry = await openQuiz(EMPLOYEE, invitation!, 2);
    const passed = (await submit(t, EMPLOYEE, retry, followUpState(rightAnswers))) as unknown as { view: unknown };
    expect(JSON.stringify(passed.view)).toContain("You passed");
    expect(JSON.stringify(passed.view)).toContain("due again by 2028-03-01");
    const again = (await submit(t, EMPLOYEE, retry, followUpState(rightAnswers))) as unknown as { view: unknown };
    expect(JSON.stringify(again.view)).toContain("is already recorded (once)");

    const completions = await t.aims.core.prisma.trainingCompletion.findMany();
    expect(completions).toHaveLength(1);
    expect(completions[0]).toMatchObject({ moduleId: "ai-literacy-basics", moduleVersion: 1, round: 1, channel: "slack", externalId: EMPLOYEE, campaignId: 2, correct: 5, score: 100, passMark: 80, attempts: 2 });
    expect(completions[0]!.controls).toEqual(["7.2", "7.3", "A.4.6"]);
    expect(await t.aims.core.prisma.trainingAttempt.count({ where: { externalId: EMPLOYEE } })).toBe(3);
    expect(await t.aims.core.prisma.auditEvent.count({ where: { action: "training.completed" } })).toBe(1);
    expect(await t.aims.core.prisma.auditEvent.count({ where: { action: "training.attempted" } })).toBe(3);
  });

  it("the owner follows the campaign; the person sees the pass in /aims me; the audit pack and SoA evidence hold it", async () => {
    const progress = await formFrom(t, OWNER, "campaign");
    const shown = JSON.stringify(progress.blocks);
    expect(shown).toContain("Campaign 2: training AI literacy basics v1");
    expect(shown).toMatch(/1 of \d+ passed/);

    const responseUrl = t.fake.newResponseUrl();
    await t.slack.command(EMPLOYEE, "me", { responseUrl });
    const me = JSON.stringify((await t.fake.waitForResponseUrlPost((post) => post.url === responseUrl)).body);
    expect(me).toContain("Training you passed");
    expect(me).toContain("AI literacy basics version 1, passed 2027-03-01 in Slack with 100%, due again 2028-03-01");

    const out = await mkdtemp(join(tmpdir(), "aims-training-pack-"));
    try {
      const pack = await exportAndRecord(t.aims.core, null, { outDir: out, period: {}, generatedBy: "a test" });
      const read = (file: string) => readFile(join(pack.folder, file), "utf8");
      const passes = JSON.parse(await read("records/training-completions.json")) as Record<string, unknown>[];
      expect(passes).toEqual([expect.objectContaining({ moduleId: "ai-literacy-basics", moduleVersion: 1, round: 1, externalId: EMPLOYEE, score: 100, passMark: 80, attempts: 2 })]);
      const completion = (await read("records/policy-campaign-completion.csv")).split("\r\n");
      expect(completion.find((line) => line.startsWith(`campaign 2 / slack:${EMPLOYEE}`))).toMatch(/,training: AI literacy basics,1,.*,true,2027-03-01T10:00:00.000Z,false$/);
      const map = await read("evidence-by-control.csv");
      for (const control of ["7.2", "7.3", "A.4.6"]) expect(map).toContain(`${control},training,ai-literacy-basics v1 round 1 / slack:${EMPLOYEE}`);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });

  it("after the module's renewal period the pass is due again: the person is reminded, and a new pass opens round 2", async () => {
    clock.set(new Date("2028-03-02T10:00:00Z")); // a Thursday, a year and a day later
    await tick(t);
    const reminder = t.fake.callsTo("chat.postMessage").filter((call) => call.args.channel === EMPLOYEE && JSON.stringify(call.args).includes("Renew your training"));
    expect(reminder).toHaveLength(1);
    expect(JSON.stringify(reminder[0]!.args)).toContain("AI literacy basics");

    expect(JSON.stringify((await formFrom(t, EMPLOYEE, "training")).blocks)).toContain("renewal due (passed 2027-03-01)");

    const invitation = trainingDmsTo(EMPLOYEE)[0]!;
    const quiz = await openQuiz(EMPLOYEE, invitation, 2);
    await submit(t, EMPLOYEE, quiz, followUpState(rightAnswers));
    const rounds = await t.aims.core.prisma.trainingCompletion.findMany({ where: { externalId: EMPLOYEE }, orderBy: { round: "asc" } });
    expect(rounds.map((round) => [round.round, round.attempts, round.dueAgainAt?.toISOString()])).toEqual([
      [1, 2, "2028-03-01T10:00:00.000Z"],
      [2, 1, "2029-03-02T10:00:00.000Z"],
    ]);
    // Renewed: the reminder's item is gone, so the next tick reminds nobody again.
    const before = t.fake.callsTo("chat.postMessage").length;
    clock.set(new Date("2028-03-09T10:00:00Z"));
    await tick(t);
    expect(t.fake.callsTo("chat.postMessage").slice(before).filter((call) => JSON.stringify(call.args).includes("Renew your training"))).toHaveLength(0);
  });
});

describe("a bad training module file", () => {
  it("stops start-up naming the file and the line", async () => {
    const dir = await mkdtemp(join(tmpdir(), "aims-bad-modules-"));
    try {
      const text = (await readFile(join("src/features/training/modules/ai-literacy-basics.v1.yaml"), "utf8")).replace("passMark: 80", "passMark: 180");
      await writeFile(join(dir, "ai-literacy-basics.v1.yaml"), text);
      const line = text.split("\n").findIndex((row) => row.startsWith("passMark:")) + 1;
      await expect(startTestAims({ clock, env: { ...CAMPAIGN_ENV, AIMS_TRAINING_MODULES_DIR: dir } })).rejects.toThrow(`ai-literacy-basics.v1.yaml:${line}: passMark:`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
