import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../../../src/core/clock.js";
import { TRAINING_IDS } from "../../../../src/features/training/conversation/training-ids.js";
import { loadTrainingModules } from "../../../../src/features/training/load-modules.js";
import { OWNERS, startTestAims, type TestAims } from "../../../support/aims-harness.js";
import type { FakeSlackCall } from "../../../support/fake-slack/index.js";
import { seedAiSystem } from "../../../support/register-fixtures.js";
import { followUpState, viewOpenedBy } from "../incidents/incident-steps.js";
import { MANAGER, openFromCommand } from "../scheduling/scheduling-steps.js";
import { CAMPAIGN_ENV, campaignDmsTo, clickDm, finishedModal, formFrom, ids as policyIds, submit, tick } from "../campaigns/campaign-steps.js";

const clock = fixedClock(new Date("2027-03-01T10:00:00Z")); // a Monday; Europe/London is on UTC in March
const OWNER = OWNERS[0];
const SECOND_OWNER = "UOWNER2";
const ADA = "USYSADA001";
const BOB = "USYSBOB001";
const BYSTANDER = "UBYSTAND01";
const ids = TRAINING_IDS;
const [basics] = loadTrainingModules().filter((module) => module.id === "ai-literacy-basics");
const rightAnswers = Object.fromEntries(basics!.questions.map((question) => [question.id, { option: question.answer }]));
let t: TestAims;
let systemId: number;
let versionId: number;

const trainingDmsTo = (userId: string): FakeSlackCall[] =>
  t.fake.callsTo("chat.postMessage").filter((call) => call.args.channel === userId && JSON.stringify(call.args.blocks ?? []).includes(ids.actions.start));

const startCampaign = async (subject: string, number: number) => {
  const view = await formFrom(t, OWNER, "campaign start");
  const values = followUpState({ versionId: { option: subject }, audience: { option: "system" }, systemId: { option: String(systemId) }, deadline: { date: "2027-03-03" }, newJoiners: { options: [] } });
  expect(await submit(t, OWNER, view, values)).toMatchObject({ response_action: "update" });
  return finishedModal(t, view, `Campaign ${number} started`);
};

const me = async (userId: string) => {
  const responseUrl = t.fake.newResponseUrl();
  await t.slack.command(userId, "me", { responseUrl });
  return JSON.stringify((await t.fake.waitForResponseUrlPost((post) => post.url === responseUrl)).body);
};

const postsTo = (userId: string, includes: string) => t.fake.callsTo("chat.postMessage").filter((call) => call.args.channel === userId && JSON.stringify(call.args).includes(includes));

beforeAll(async () => {
  t = await startTestAims({ clock, env: { ...CAMPAIGN_ENV, AIMS_OWNERS: `${OWNER},${SECOND_OWNER}`, AIMS_MANAGERS: MANAGER } });
  for (const [id, name] of [[ADA, "Ada Lovelace"], [BOB, "Bob Builder"], [BYSTANDER, "Bystander"], [SECOND_OWNER, "Second Owner"], [MANAGER, "Manager"]] as const) {
    t.fake.addUser({ id, name });
    await t.aims.core.directory.observe({ channel: "slack", id, name });
  }
  const prisma = t.aims.core.prisma;
  systemId = (await seedAiSystem(prisma, { reference: "AI-0001", name: "CodeHelper", ownerChannel: "slack", ownerId: OWNER })).id;
  await prisma.aiSystemUser.createMany({
    data: [ADA, BOB].map((externalId) => ({ systemId, channel: "slack" as const, externalId, recordedAt: clock.now() })),
  });
  const published = await t.aims.core.policies.publish(null, { title: "CodeHelper rules", summary: "How to use CodeHelper.", body: "Never paste secrets." }, "command line");
  if (published.kind !== "published") throw new Error(published.kind);
  versionId = published.version.id;
});
afterAll(async () => {
  await t?.stop();
});

describe("a training campaign to the people using an AI system, in Slack", () => {
  it("goes to the system's users only; a pass from its message counts in /aims campaign", async () => {
    expect(await startCampaign("module:ai-literacy-basics:1", 1)).toContain("training AI literacy basics version 1 to the people using CodeHelper (AI-0001) (2 people)");
    expect(await startCampaign(String(versionId), 2)).toContain("the people using CodeHelper (AI-0001) (2 people)");
    await tick(t);
    expect(trainingDmsTo(ADA)).toHaveLength(1);
    expect(trainingDmsTo(BOB)).toHaveLength(1);
    expect(trainingDmsTo(BYSTANDER)).toHaveLength(0);

    // Ada passes the module from the campaign's message; Bob accepts the document.
    const invitation = trainingDmsTo(ADA)[0]!;
    const quiz = await viewOpenedBy(t, () =>
      t.slack.action({
        userId: ADA,
        channelId: String(invitation.response.channel),
        message: { ts: String(invitation.response.ts), type: "message", text: "" },
        responseUrl: t.fake.newResponseUrl(),
        actions: [{ action_id: ids.actions.quiz, block_id: "actions", value: JSON.stringify({ moduleId: basics!.id, version: 1, campaignId: 1 }) }],
      }),
    );
    expect(JSON.stringify(((await submit(t, ADA, quiz, followUpState(rightAnswers))) as unknown as { view: unknown }).view)).toContain("You passed");
    expect(JSON.stringify(await clickDm(t, BOB, campaignDmsTo(t, BOB)[0]!, policyIds.actions.accept))).toContain("You accepted");

    const progress = JSON.stringify((await formFrom(t, OWNER, "campaign")).blocks);
    expect(progress).toContain("Campaign 1: training AI literacy basics v1* to the people using CodeHelper (AI-0001)");
    expect(progress).toContain("1 of 2 passed (50%), deadline 2027-03-03");
    expect(progress).toContain(`Not yet passed (1): <@${BOB}>`);
    expect(progress).toContain("1 of 2 accepted (50%), deadline 2027-03-03");
    expect(progress).toContain(`Not yet accepted (1): <@${ADA}>`);
  });

  it("/aims me shows each person their training due again and the campaigns still open for them", async () => {
    const ada = await me(ADA);
    expect(ada).toContain("AI literacy basics version 1, passed 2027-03-01 in Slack with 100%, due again 2028-03-01");
    expect(ada).toContain("Campaigns still open for you");
    expect(ada).toContain("Accept CodeHelper rules version 1 by 2027-03-03 (campaign 2)");
    expect(ada).not.toContain("(campaign 1)");
    const bob = await me(BOB);
    expect(bob).toContain("Pass the training AI literacy basics version 1 by 2027-03-03 (campaign 1)");
    expect(bob).not.toContain("(campaign 2)");
    expect(await me(BYSTANDER)).toMatch(/Campaigns still open for you.*None\./);
  });

  it("past the deadline the starter is reminded, then the AIMS owners escalated to, naming the late people of both campaigns", async () => {
    clock.set(new Date("2027-03-04T10:00:00Z")); // Thursday, past Wednesday's deadline
    await tick(t);
    // Before the deadline the starter was told all were still to do, each by name.
    expect(postsTo(OWNER, "2 of 2 have not passed AI literacy basics v1 (campaign 1, the people using CodeHelper (AI-0001)): Ada Lovelace, Bob Builder")).toHaveLength(1);
    expect(postsTo(OWNER, "1 of 2 have not passed AI literacy basics v1 (campaign 1, the people using CodeHelper (AI-0001)): Bob Builder")).toHaveLength(1);
    expect(postsTo(OWNER, "1 of 2 have not accepted CodeHelper rules v1 (campaign 2, the people using CodeHelper (AI-0001)): Ada Lovelace")).toHaveLength(1);
    expect(postsTo(SECOND_OWNER, "have not")).toHaveLength(0);

    clock.set(new Date("2027-03-08T10:00:00Z")); // Monday, past the 3-day grace period
    await tick(t);
    for (const owner of [OWNER, SECOND_OWNER]) {
      expect(postsTo(owner, "Escalation").filter((call) => JSON.stringify(call.args).includes("have not passed AI literacy basics v1 (campaign 1")).map((call) => JSON.stringify(call.args))).toEqual([
        expect.stringContaining(": Bob Builder"),
      ]);
      expect(postsTo(owner, "Escalation").filter((call) => JSON.stringify(call.args).includes("have not accepted CodeHelper rules v1 (campaign 2")).map((call) => JSON.stringify(call.args))).toEqual([
        expect.stringContaining(": Ada Lovelace"),
      ]);
    }
  });

  it("the weekly digest preview counts documents acknowledged, modules passed and overdue people, in words for both", async () => {
    const preview = JSON.stringify(await openFromCommand(t, MANAGER, "digest preview"));
    expect(preview).toContain("Policy acknowledgements and training");
    expect(preview).toContain("Open campaigns: *2*");
    expect(preview).toContain("People asked to acknowledge a document or pass a training module: *4*");
    expect(preview).toContain("Of them, documents acknowledged: *1*");
    expect(preview).toContain("Of them, training modules passed: *1*");
    expect(preview).toContain("Overdue people (past the deadline, not done): *2*");
    expect(preview).not.toContain("People asked to accept a document");
  });
});
