import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../../../src/core/clock.js";
import { POLICY_IDS } from "../../../../src/features/policies/conversation/policy-ids.js";
import type { ConnectorCall } from "../../../support/fake-bot-connector/index.js";
import type { TestAims } from "../../../support/aims-harness.js";
import { cardsSentTo, startTeamsCampaignAims, TESS } from "./teams-campaign-steps.js";
import { seedAiSystem } from "../../../support/register-fixtures.js";
import { personalChat, TEAMS_EMPLOYEE, TEAMS_OTHER, type TeamsPerson } from "../../../support/teams-activities.js";
import { cardIn, cardText, expectMessageResponse } from "../teams-steps.js";

const clock = fixedClock(new Date("2027-03-01T10:00:00Z")); // a Monday; Europe/London is on UTC in March
const EVE = TEAMS_EMPLOYEE;
const OLLI = TEAMS_OTHER;
const ids = POLICY_IDS;
let t: TestAims;
let systemId: number;
let versionId: number;

const invoke = (who: TeamsPerson, verb: string, data: Record<string, unknown> = {}) => t.teams.invoke(who, { verb, data, conversation: personalChat(who) });
const tick = () => t.aims.core.scheduling.scheduler.tick();
const campaignCardsTo = (who: TeamsPerson): ConnectorCall[] =>
  cardsSentTo(t, who, ids.actions.accept);

beforeAll(async () => {
  t = await startTeamsCampaignAims(clock, [EVE, OLLI], "09:00-17:00");
  const prisma = t.aims.core.prisma;
  systemId = (await seedAiSystem(prisma, { reference: "AI-0001", name: "CodeHelper", ownerChannel: "teams", ownerId: TESS.aadObjectId })).id;
  await prisma.aiSystemUser.create({ data: { systemId, channel: "teams", externalId: EVE.aadObjectId, recordedAt: clock.now() } });
  const published = await t.aims.core.policies.publish(null, { title: "CodeHelper rules", summary: "How to use CodeHelper.", body: "Never paste secrets." }, "command line");
  if (published.kind !== "published") throw new Error(published.kind);
  versionId = published.version.id;
});
afterAll(async () => {
  await t?.stop();
});

describe("a campaign to the people using an AI system, in Teams", () => {
  it("the card picks the system; only its recorded users are asked; progress names the audience", async () => {
    const { reply } = await t.teams.ask(TESS, "campaign start");
    const form = cardText(cardIn(reply));
    expect(form).toContain("The people using an AI system");
    expect(form).toContain("CodeHelper (AI-0001)");
    const unpicked = await invoke(TESS, ids.views.startCampaign, { versionId: String(versionId), audience: "system", deadline: "2027-03-03" });
    expect(cardText(unpicked.body)).toContain("Choose the AI system whose users must accept it");

    const started = await invoke(TESS, ids.views.startCampaign, { versionId: String(versionId), audience: "system", systemId: String(systemId), deadline: "2027-03-03" });
    expect(cardText(started.body)).toContain("Campaign 1 started: CodeHelper rules version 1 to the people using CodeHelper (AI-0001) (1 person)");
    await tick();
    expect(campaignCardsTo(EVE)).toHaveLength(1);
    expect(campaignCardsTo(OLLI)).toHaveLength(0);
    const { reply: progress } = await t.teams.ask(TESS, "campaign");
    expect(cardText(cardIn(progress))).toContain("to the people using CodeHelper (AI-0001)");
  });

  it("the person snoozes the reminder from its card, into the next working hours", async () => {
    clock.set(new Date("2027-03-05T16:30:00Z")); // Friday, past Wednesday's deadline
    await tick();
    const [, reminder] = campaignCardsTo(EVE);
    expect(cardText(reminder!.body)).toContain(ids.actions.snoozeWeek);

    const snoozed = expectMessageResponse((await invoke(EVE, ids.actions.snoozeDay, { campaignId: 1 })).body);
    expect(snoozed).toContain("💤 Snoozed");
    expect(snoozed).toContain("You can snooze it 2 more time(s).");
    const delivery = await t.aims.core.prisma.scheduledDelivery.findFirstOrThrow({ where: { key: { endsWith: ":snoozed-1" } } });
    expect(delivery).toMatchObject({ channel: "teams", recipientId: EVE.aadObjectId, notBefore: new Date("2027-03-08T09:00:00Z") });
    expect(expectMessageResponse((await invoke(OLLI, ids.actions.snoozeDay, { campaignId: 1 })).body)).toContain("This campaign was not sent to you.");

    clock.set(new Date("2027-03-08T09:00:00Z"));
    await tick();
    expect(campaignCardsTo(EVE)).toHaveLength(3);
  });
});
