import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../../../src/core/clock.js";
import { APPROVALS_CHANNEL, APPROVERS, EMPLOYEE, startTestAims, TEST_BOT_TOKEN, type TestAims } from "../../../support/aims-harness.js";
import { eventually } from "../../../support/eventually.js";
import { VALID_REQUEST } from "../../../support/request-form-state.js";
import { buttonValue, clickDecision, decisionIds, submitRequest } from "../../../support/request-steps.js";
import { channelConversation, TEAMS_APPROVALS_CONVERSATION, TEAMS_APPROVERS } from "../../../support/teams-activities.js";
import { clickTeamsDecision, cardIn, cardText, expectMessageResponse } from "../../teams/teams-steps.js";

const DAY = 24 * 60 * 60_000;
const START = new Date("2026-12-01T09:00:00.000Z");
const clock = fixedClock(START);
const ALEX = { id: "UALEXSLACK", name: "alex", real_name: "Alex Approver", email: "Alex@Example.org" };
const alexOnTeams = { channel: "teams" as const, id: TEAMS_APPROVERS[0].aadObjectId };

let t: TestAims;
beforeAll(async () => {
  t = await startTestAims({ teams: true, clock });
  await t.teams.install(TEAMS_APPROVERS[0], channelConversation());
  t.fake.addUser(ALEX);
  t.fake.addUser({ id: APPROVERS[0], name: "approver.one", real_name: "Approver One", email: "approver.one@example.org" });
  t.fake.addUser({ id: EMPLOYEE, name: "employee", real_name: "Em Ployee", email: "em@example.org" });
}, 180_000);
afterAll(async () => {
  await t?.stop();
});

const usersInfoFor = (id: string) => t.fake.callsTo("users.info").filter((call) => call.args.user === id);
/** A slash command answered on a response_url of the fake, as Slack sends them. */
const command = (userId: string, text: string) => t.slack.command(userId, text, { responseUrl: t.fake.newResponseUrl() });
const identity = (id: string) => t.aims.core.directory.identity({ channel: "slack", id });

describe("who a Slack person is", () => {
  it("looks up a Slack person who acts, after answering Slack, and links them to their Teams account by verified email", async () => {
    await t.aims.core.directory.observe({ ...alexOnTeams, name: "Alex Approver", verifiedEmail: "alex@example.org" });

    const { reference } = await submitRequest(t, ALEX.id, { ...VALID_REQUEST, toolName: "Alex's tool" });
    await eventually(async () => expect(await t.aims.core.directory.samePerson({ channel: "slack", id: ALEX.id }, alexOnTeams)).toBe(true));
    expect(await identity(ALEX.id)).toMatchObject({ name: "Alex Approver", email: "alex@example.org", lookedUpAt: START, deactivatedAt: null });
    expect((await identity(ALEX.id))!.linkReason).toContain(`same verified email alex@example.org as the Teams account ${alexOnTeams.id}`);
    // The command, the modal's submission: looked up once, not once per request.
    await t.aims.slack!.directory.people.settled();
    expect(usersInfoFor(ALEX.id)).toHaveLength(1);

    // Alex approving from Teams the request Alex made in Slack is deciding one's own request.
    const teamsCard = await t.teams.connector.waitFor("send", (c) => cardText(c.body).includes(reference) && c.conversationId === TEAMS_APPROVALS_CONVERSATION);
    const own = await clickTeamsDecision(t, TEAMS_APPROVERS[0], { card: cardIn(teamsCard), activityId: teamsCard.responseId! }, "request.approve");
    expect(expectMessageResponse(own.body)).toContain("You cannot decide your own request");
    expect((await t.aims.core.requests.find(reference))!.status).toBe("pending");
  });

  it("asks Slack again only once what it knows is a day old", async () => {
    await command(ALEX.id, "status");
    await command(ALEX.id, "help");
    await t.aims.slack!.directory.people.settled();
    expect(usersInfoFor(ALEX.id)).toHaveLength(1);

    clock.advance(DAY + 60_000);
    t.fake.updateUser(ALEX.id, { real_name: "Alex A. Approver" });
    expect((await command(ALEX.id, "help")).status).toBe(200);
    await eventually(async () => expect((await identity(ALEX.id))?.name).toBe("Alex A. Approver"));
    expect(usersInfoFor(ALEX.id)).toHaveLength(2);
  });

  it("answers the person even when Slack cannot say who they are, and logs only Slack's error code", async () => {
    clock.advance(2 * DAY);
    t.fake.failNext("users.info", "fatal_error");
    const responseUrl = t.fake.newResponseUrl();
    expect((await t.slack.command(EMPLOYEE, "help", { responseUrl })).status).toBe(200);
    await t.fake.waitForResponseUrlPost((post) => post.url === responseUrl);
    await eventually(() => expect(t.logs()).toContain("could not look up a Slack user"));
    const warning = t.logs().split("\n").find((line) => line.includes("could not look up a Slack user"))!;
    expect(warning).toContain("fatal_error");
    expect(warning).not.toContain(TEST_BOT_TOKEN);
    // The next act tries again.
    await command(EMPLOYEE, "help");
    await eventually(async () => expect((await identity(EMPLOYEE))?.email).toBe("em@example.org"));
  });

  it("asks Slack only once the person has their answer", async () => {
    t.fake.addUser({ id: "UNEWCOMER1", name: "newcomer", email: "new@example.org" });
    const responseUrl = t.fake.newResponseUrl();
    expect((await t.slack.command("UNEWCOMER1", "help", { responseUrl })).status).toBe(200);
    const answered = await t.fake.waitForResponseUrlPost((post) => post.url === responseUrl);
    const lookup = await t.fake.waitFor("users.info", (call) => call.args.user === "UNEWCOMER1");
    expect(lookup.at).toBeGreaterThanOrEqual(answered.at);
  });

  it("does not look up bots", async () => {
    const before = t.fake.callsTo("users.info").length;
    await t.slack.event({ type: "app_home_opened", user: "UBOTUSER1", bot_id: "BBOT1", tab: "home" });
    await command("UOTHERPERSON", "help");
    await t.fake.waitFor("users.info", (call) => call.args.user === "UOTHERPERSON");
    expect(t.fake.callsTo("users.info").slice(before).map((call) => call.args.user)).toEqual(["UOTHERPERSON"]);
  });

  it("takes the approver role away from an account Slack reports deactivated (user_change): their click is refused", async () => {
    const { reference, approvalTs } = await submitRequest(t, EMPLOYEE, { ...VALID_REQUEST, toolName: "Decided after a leaver" });
    const approval = t.fake.callsTo("chat.postMessage").find((c) => String(c.args.text).includes(reference) && c.args.channel === APPROVALS_CHANNEL)!;
    expect(await t.aims.core.roles.has({ channel: "slack", id: APPROVERS[0] }, "approver")).toBe(true);

    t.fake.updateUser(APPROVERS[0], { deleted: true });
    expect((await t.slack.event({ type: "user_change", user: t.fake.user(APPROVERS[0]) })).status).toBe(200);
    await eventually(async () => expect((await identity(APPROVERS[0]))?.deactivatedAt).toEqual(clock.now()));
    expect((await identity(APPROVERS[0]))!.deactivationReason).toBe("Slack reports the account deactivated");
    expect(await t.aims.core.roles.has({ channel: "slack", id: APPROVERS[0] }, "approver")).toBe(false);

    const responseUrl = await clickDecision(t, APPROVERS[0], decisionIds.approve, buttonValue(approval, decisionIds.approve), approvalTs);
    const told = await t.fake.waitForResponseUrlPost((post) => post.url === responseUrl);
    expect(told.body).toMatchObject({ response_type: "ephemeral", text: "Only the AIMS approvers can decide AI tool requests." });
    expect((await t.aims.core.requests.find(reference))!.status).toBe("pending");
    const audit = await t.aims.core.prisma.auditEvent.findMany({ where: { action: "person.deactivated", entityId: `slack:${APPROVERS[0]}` } });
    expect(audit).toHaveLength(1);
  });

  it("records an email change from user_change", async () => {
    t.fake.updateUser(EMPLOYEE, { email: "em.ployee@example.org" });
    await t.slack.event({ type: "user_change", user: t.fake.user(EMPLOYEE) });
    await eventually(async () => expect((await identity(EMPLOYEE))?.email).toBe("em.ployee@example.org"));
  });
});
