import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../../../src/core/clock.js";
import { POLICY_IDS } from "../../../../src/features/policies/conversation/policy-ids.js";
import type { ConnectorCall } from "../../../support/fake-bot-connector/index.js";
import type { TestAims } from "../../../support/aims-harness.js";
import { cardsSentTo, startTeamsCampaignAims, TESS } from "./teams-campaign-steps.js";
import { personalChat, TEAMS_EMPLOYEE, TEAMS_OTHER, type TeamsPerson } from "../../../support/teams-activities.js";
import { cardIn, cardText, expectCardResponse, expectMessageResponse } from "../teams-steps.js";

const clock = fixedClock(new Date("2027-03-01T10:00:00Z")); // a Monday
const EVE = TEAMS_EMPLOYEE;
const OLLI = TEAMS_OTHER;
const ids = POLICY_IDS;
let t: TestAims;

const invoke = (who: TeamsPerson, verb: string, data: Record<string, unknown> = {}) => t.teams.invoke(who, { verb, data, conversation: personalChat(who) });
const tick = () => t.aims.core.scheduling.scheduler.tick();

/** The campaign cards the bot sent on its own into the person's personal chat. */
const campaignCardsTo = (who: TeamsPerson): ConnectorCall[] =>
  cardsSentTo(t, who, ids.actions.accept);

beforeAll(async () => {
  t = await startTeamsCampaignAims(clock, [EVE]);
});
afterAll(async () => {
  await t?.stop();
});

describe("AI policy acknowledgement campaigns in Teams", () => {
  it("an AIMS owner publishes the policy from the card; an empty document is refused with a clear message", async () => {
    const { reply } = await t.teams.ask(TESS, "policy publish");
    expect(cardText(cardIn(reply))).toContain(ids.views.publish);

    const empty = expectCardResponse((await invoke(TESS, ids.views.publish, { title: "AI policy", summary: "How we use AI.", body: "" })).body);
    expect(cardText(empty)).toContain("The document is empty");
    const published = await invoke(TESS, ids.views.publish, { title: "AI policy", summary: "How we use AI.", body: "Only approved AI tools with company data." });
    expect(cardText(published.body)).toContain("Published AI policy version 1");
    expect(await t.aims.core.prisma.policyVersion.count({ where: { publishedByChannel: "teams", publishedById: TESS.aadObjectId } })).toBe(1);

    const refused = await invoke(EVE, ids.views.publish, { title: "AI policy", summary: "Mine.", body: "Anything goes." });
    expect(cardText(refused.body)).toContain("Only an AIMS owner can publish");
  });

  it("a campaign reaches each person once in their personal chat; Accept twice records one acceptance", async () => {
    const version = await t.aims.core.prisma.policyVersion.findFirstOrThrow();
    const { reply } = await t.teams.ask(TESS, "campaign start");
    expect(cardText(cardIn(reply))).toContain(ids.views.startCampaign);
    const nobody = await invoke(TESS, ids.views.startCampaign, { versionId: String(version.id), audience: "role:incident_responder", deadline: "2027-03-10" });
    expect(cardText(nobody.body)).toContain("Nobody the bot can message is in every incident responder");

    const started = await invoke(TESS, ids.views.startCampaign, { versionId: String(version.id), audience: "everyone", deadline: "2027-03-10", newJoiners: "new_joiners" });
    expect(cardText(started.body)).toContain("Campaign 1 started: AI policy version 1 to everyone the bot knows (2 people)");

    await tick();
    await tick();
    const [invitation, ...more] = campaignCardsTo(EVE);
    expect(more).toHaveLength(0);
    expect(cardText(invitation!.body)).toContain("How we use AI.");

    const fullText = expectCardResponse((await invoke(EVE, ids.actions.read, { versionId: version.id, campaignId: 1 })).body);
    expect(cardText(fullText)).toContain("Only approved AI tools with company data.");
    const accepted = expectCardResponse((await invoke(EVE, ids.actions.accept, { versionId: version.id, campaignId: 1 })).body);
    expect(cardText(accepted)).toContain("You accepted **AI policy** (version 1)");
    const again = expectMessageResponse((await invoke(EVE, ids.actions.accept, { versionId: version.id, campaignId: 1 })).body);
    expect(again).toContain("You already accepted AI policy (version 1)");
    expect(await t.aims.core.prisma.policyAcknowledgement.findMany()).toEqual([expect.objectContaining({ channel: "teams", externalId: EVE.aadObjectId, campaignId: 1 })]);
  });

  it("someone who installs the bot later gets the campaign on arrival; the owner sees completion and who has not accepted", async () => {
    expect((await t.teams.install(OLLI, personalChat(OLLI))).status).toBe(200);
    await expect.poll(() => t.aims.core.prisma.campaignRecipient.count({ where: { externalId: OLLI.aadObjectId, joinedLate: true } }), { timeout: 10_000 }).toBe(1);
    await tick();
    expect(campaignCardsTo(OLLI)).toHaveLength(1);

    const { reply } = await t.teams.ask(TESS, "campaign");
    const progress = cardText(cardIn(reply));
    expect(progress).toContain("Campaign 1: AI policy v1");
    expect(progress).toContain("1 of 3 accepted (33%)");
    expect(progress).toContain("Olli Other");

    const { reply: mine } = await t.teams.ask(EVE, "policy");
    expect(cardText(cardIn(mine))).toContain("You have nothing to accept");
  });
});
