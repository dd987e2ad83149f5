import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../../../src/core/clock.js";
import { startTestAims, type TestAims } from "../../../support/aims-harness.js";
import { channelConversation, TEAMS_APPROVALS_CONVERSATION, TEAMS_EMPLOYEE } from "../../../support/teams-activities.js";
import { cardIn, cardText, expectChannelPostsAddressNoOne } from "../teams-steps.js";
import { TEAMS_MANAGER, TEAMS_MANAGERS_CONVERSATION, TEAMS_SCHEDULING_ENV, tick } from "./teams-scheduling-steps.js";

const SLACK_MANAGERS_CHANNEL = "C0MANAGERS";
const clock = fixedClock(new Date("2027-06-07T08:00:20Z")); // Monday 09:00 in London (BST)
let t: TestAims;

beforeAll(async () => {
  t = await startTestAims({
    clock,
    teams: true,
    env: { ...TEAMS_SCHEDULING_ENV, SLACK_MANAGERS_CHANNEL, AIMS_MANAGERS: "UMANAGER01", AIMS_SLACK_SEND_INTERVAL_MS: "0" },
  });
  expect((await t.teams.install(TEAMS_MANAGER, channelConversation())).status).toBe(200);
  await t.teams.connector.waitFor("send", (call) => call.conversationId === TEAMS_APPROVALS_CONVERSATION);
});
afterAll(async () => {
  await t?.stop();
});

const teamsDigests = () => t.teams.connector.accepted("send").filter((call) => call.conversationId === TEAMS_MANAGERS_CONVERSATION);
const slackDigests = () => t.fake.callsTo("chat.postMessage").filter((call) => call.args.channel === SLACK_MANAGERS_CHANNEL);

describe("weekly manager digest in Teams", () => {
  it("is posted once to the Teams managers' conversation and once to Slack's, a refused post retried later", async () => {
    t.teams.connector.failNext("send", 403);
    const first = await tick(t);
    expect(first).toMatchObject({ sent: 1, failed: 1 });
    expect(teamsDigests()).toHaveLength(0);
    expect(slackDigests()).toHaveLength(1);

    clock.set(new Date(clock.now().getTime() + 6 * 60_000));
    await tick(t);
    await tick(t);
    expect(teamsDigests()).toHaveLength(1);
    expect(slackDigests()).toHaveLength(1);
    const card = cardIn(teamsDigests()[0]!);
    expect(card.version).toBe("1.5");
    expect(cardText(card)).toContain("AIMS weekly digest");
    expect(cardText(card)).toContain("A quiet week: nothing new, nothing waiting, nothing overdue.");

    const deliveries = await t.aims.core.prisma.scheduledDelivery.findMany({ where: { kind: "digest" }, orderBy: { channel: "asc" } });
    expect(deliveries.map((delivery) => [delivery.key, delivery.channel, delivery.status, delivery.attempts])).toEqual([
      ["digest|2027-06-07T08:00:00.000Z", "slack", "sent", 1],
      ["digest|2027-06-07T08:00:00.000Z|teams", "teams", "sent", 2],
    ]);
    // The channel's stored reference names whoever spoke there last, who is not whom the post is for.
    expectChannelPostsAddressNoOne(t.teams.connector);
  });

  it("previews the digest to a Teams manager, and to nobody else", async () => {
    const { reply: preview } = await t.teams.ask(TEAMS_MANAGER, "digest preview");
    expect(cardText(preview.body)).toContain("AIMS weekly digest");
    expect(cardIn(preview).body.length).toBeGreaterThan(1);

    const { reply: refusal } = await t.teams.ask(TEAMS_EMPLOYEE, "digest preview");
    expect(String(refusal.body.text)).toContain("for managers");
    expect(refusal.body.attachments ?? []).toEqual([]);
  });
});
