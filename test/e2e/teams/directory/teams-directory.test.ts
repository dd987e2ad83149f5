import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../../../src/core/clock.js";
import { EMPLOYEE, OWNERS, startTestAims, type TestAims } from "../../../support/aims-harness.js";
import { eventually } from "../../../support/eventually.js";
import { VALID_REQUEST } from "../../../support/request-form-state.js";
import { submitRequest } from "../../../support/request-steps.js";
import { membersChanged, personalChatId, TEAMS_APPROVALS_CONVERSATION, TEAMS_APPROVERS, type TeamsPerson } from "../../../support/teams-activities.js";
import { cardIn, cardText, clickTeamsDecision, expectCardResponse, expectMessageResponse } from "../teams-steps.js";

const clock = fixedClock(new Date("2026-12-01T09:00:00.000Z"));
const HOUR = 3_600_000;
const owner = { channel: "slack" as const, id: OWNERS[0] };

const teamsPerson = (n: string, name: string): TeamsPerson => ({ aadObjectId: `5e0d1a2b-0000-4000-8000-${n.padStart(12, "0")}`, id: `29:1dir-${n}`, name });
const ALEX = TEAMS_APPROVERS[0];
const DANA = teamsPerson("d1", "Dana Member");
const OWEN = teamsPerson("d2", "Owen Mover");
const LEA = teamsPerson("d3", "Lea Leaver");
const NICO = teamsPerson("d4", "Nico Newcomer");
const LATE = teamsPerson("d5", "Lou Late");
const TEAM = { id: "19:aiapprovers0123456789@thread.tacv2", name: "AI approvers" };

let t: TestAims;
beforeAll(async () => {
  t = await startTestAims({ teams: true, clock });
}, 180_000);
afterAll(async () => {
  await t?.stop();
});

const teamsId = (who: TeamsPerson) => ({ channel: "teams" as const, id: who.aadObjectId });
const rosterCalls = (kind: "member" | "pagedMembers", scope: string) => t.teams.connector.calls.filter((call) => call.kind === kind && call.conversationId === scope);
const approvers = () => t.aims.core.roles.members("approver", "teams");

/** A request made in Slack, as its approvals card reads in Teams. */
async function slackRequestCard(requester: string, toolName: string) {
  const { reference } = await submitRequest(t, requester, { ...VALID_REQUEST, toolName });
  const card = await t.teams.connector.waitFor("send", (c) => c.conversationId === TEAMS_APPROVALS_CONVERSATION && cardText(c.body).includes(reference));
  return { reference, approval: { card: cardIn(card), activityId: card.responseId! } };
}

describe("who a Teams person is", () => {
  it("looks up whoever writes in the roster after answering, links them by verified email to their Slack account, and the cross-channel rules follow", async () => {
    await t.aims.core.directory.observe({ channel: "slack", id: "UALEXSLACK", name: "alex", verifiedEmail: "alex@example.com" });
    t.teams.connector.roster.add(personalChatId(ALEX), { ...ALEX, email: "Alex@Example.com", userPrincipalName: "alex@example.onmicrosoft.com" });

    const { status } = await t.teams.ask(ALEX, "help");
    expect(status).toBe(200);
    await eventually(async () => expect(await t.aims.core.directory.samePerson({ channel: "slack", id: "UALEXSLACK" }, teamsId(ALEX))).toBe(true));
    const identity = await t.aims.core.directory.identity(teamsId(ALEX));
    expect(identity).toMatchObject({ name: ALEX.name, email: "alex@example.com", lookedUpAt: clock.now(), deactivatedAt: null });
    expect(identity!.linkReason).toContain("same verified email alex@example.com");
    expect(rosterCalls("member", personalChatId(ALEX))).toHaveLength(1);

    const { reference, approval } = await slackRequestCard("UALEXSLACK", "Alex's own tool");
    const own = await clickTeamsDecision(t, ALEX, approval, "request.approve");
    expect(expectMessageResponse(own.body)).toContain("You cannot decide your own request");
    expect((await t.aims.core.requests.find(reference))!.status).toBe("pending");
    const other = await clickTeamsDecision(t, TEAMS_APPROVERS[1], approval, "request.approve");
    expect(cardText(expectCardResponse(other.body))).toContain("**Approved** by Blair Approver");
  });

  it("asks the roster again only once what it said is a day old", async () => {
    await t.teams.ask(ALEX, "status");
    clock.advance(25 * HOUR);
    await t.teams.ask(ALEX, "help");
    await eventually(async () => expect((await t.aims.core.directory.identity(teamsId(ALEX)))!.lookedUpAt).toEqual(clock.now()));
    expect(rosterCalls("member", personalChatId(ALEX))).toHaveLength(2);
  });
});

describe("roles from a Teams team", () => {
  it("binds a team the bot is in: its members, read page by page through a throttled roster, hold the role", async () => {
    const { roster } = t.teams.connector;
    roster.team(TEAM.id, TEAM.name);
    roster.add(TEAM.id, DANA, OWEN, LEA);
    roster.setPageLimit(2);
    expect(await t.aims.teams!.lookUpGroup("19:notateam@thread.tacv2")).toBeNull();
    const facts = await t.aims.teams!.lookUpGroup(TEAM.id);
    expect(facts).toEqual({ channel: "teams", externalId: TEAM.id, name: TEAM.name });

    t.teams.connector.failNext("pagedMembers", 429, 1, 1);
    const bound = await t.aims.core.roles.bindGroup(owner, { role: "approver", reason: "The AI approvers team decides requests" }, facts);
    expect(bound.kind).toBe("ok");

    await eventually(async () => expect(await approvers()).toEqual(expect.arrayContaining([DANA, OWEN, LEA].map((who) => who.aadObjectId))), 10_000);
    const pages = rosterCalls("pagedMembers", TEAM.id);
    expect(pages.map((call) => call.status)).toEqual([429, 200, 200]);
    expect(pages[2]!.path).toContain("continuationToken=");
    // The last page's members are visible before the pass records that it is complete.
    const group = () => t.aims.core.prisma.directoryGroup.findUniqueOrThrow({ where: { channel_externalId: { channel: "teams", externalId: TEAM.id } } });
    await eventually(async () => expect(await group()).toMatchObject({ syncedAt: clock.now(), syncError: null }));
    const audited = await t.aims.core.prisma.auditEvent.findMany({ where: { entityType: "group_membership", action: "group_membership.opened" } });
    expect(audited).toHaveLength(3);
    expect(audited[0]!.controls).toEqual(["5.3", "A.3.2"]);
    expect(await t.aims.core.directory.identity(teamsId(DANA))).toMatchObject({ name: DANA.name, deactivatedAt: null });
  });

  it("ends the membership of someone removed from the team, so their click is refused, without taking them for a leaver of the company", async () => {
    await t.teams.ask(OWEN, "help");
    t.teams.connector.roster.remove(TEAM.id, OWEN.aadObjectId);
    expect((await t.teams.send(membersChanged(t.teams.connector.serviceUrl, DANA, { team: TEAM, removed: [OWEN] }))).status).toBe(200);
    await eventually(async () => expect(await approvers()).not.toContain(OWEN.aadObjectId));

    const { approval } = await slackRequestCard(EMPLOYEE, "After Owen moved on");
    const refused = await clickTeamsDecision(t, OWEN, approval, "request.approve");
    expect(expectMessageResponse(refused.body)).toContain("Only the AIMS approvers can decide");
    const allowed = await clickTeamsDecision(t, DANA, approval, "request.approve");
    expect(cardText(expectCardResponse(allowed.body))).toContain("**Approved** by Dana Member");

    const closed = await t.aims.core.prisma.groupMembership.findFirstOrThrow({ where: { externalId: OWEN.aadObjectId } });
    expect(closed.until).toEqual(clock.now());
    expect(await t.aims.core.prisma.auditEvent.count({ where: { entityType: "group_membership", action: "group_membership.closed" } })).toBe(1);
    expect((await t.aims.core.directory.identity(teamsId(OWEN)))!.deactivatedAt).toBeNull();
  });

  it("marks a removed member deactivated when Teams no longer knows them even in their own chat with the bot", async () => {
    await t.teams.ask(LEA, "help");
    const { roster } = t.teams.connector;
    roster.remove(TEAM.id, LEA.aadObjectId);
    roster.remove(personalChatId(LEA), LEA.aadObjectId);
    await t.teams.send(membersChanged(t.teams.connector.serviceUrl, DANA, { team: TEAM, removed: [LEA] }));
    await eventually(async () =>
      expect(await t.aims.core.directory.identity(teamsId(LEA))).toMatchObject({ deactivatedAt: clock.now(), deactivationReason: `removed from Teams team ${TEAM.name}` }),
    );
    expect(await t.aims.core.roles.has(teamsId(LEA), "approver")).toBe(false);
  });

  it("opens the membership of someone added to the team at once", async () => {
    t.teams.connector.roster.add(TEAM.id, NICO);
    await t.teams.send(membersChanged(t.teams.connector.serviceUrl, DANA, { team: TEAM, added: [NICO] }));
    await eventually(async () => expect(await t.aims.core.roles.has(teamsId(NICO), "approver")).toBe(true));
  });

  it("reads the whole roster when Teams names a leaver only by a Teams user id the bot has never seen", async () => {
    const before = rosterCalls("pagedMembers", TEAM.id).length;
    t.teams.connector.roster.remove(TEAM.id, NICO.aadObjectId);
    const removal = membersChanged(t.teams.connector.serviceUrl, DANA, { team: TEAM, removed: [NICO] });
    await t.teams.send({ ...removal, membersRemoved: [{ id: NICO.id }] });
    await eventually(async () => expect(await approvers()).not.toContain(NICO.aadObjectId));
    expect(rosterCalls("pagedMembers", TEAM.id).length).toBeGreaterThan(before);
  });

  it("looks up a group chat the bot is in by its conversation id, named after its members", async () => {
    const chat = "19:meetingchat0123456789@thread.v2";
    t.teams.connector.roster.add(chat, DANA, LATE);
    await t.teams.ask(DANA, "help", { id: chat, type: "groupChat" });
    expect(await t.aims.teams!.lookUpGroup(chat)).toEqual({ channel: "teams", externalId: chat, name: "group chat with Dana Member, Lou Late" });
  });

  it("reads the team again every TEAMS_GROUP_SYNC_HOURS, catching changes Teams did not report", async () => {
    const { roster } = t.teams.connector;
    roster.add(TEAM.id, LATE);
    roster.remove(TEAM.id, DANA.aadObjectId);
    clock.advance(7 * HOUR);
    await t.restart();
    // A newcomer's membership opens with the page that lists them; leavers' close when the whole pass is read.
    await eventually(async () => {
      const now = await approvers();
      expect(now).toContain(LATE.aadObjectId);
      expect(now).not.toContain(DANA.aadObjectId);
    }, 10_000);
  });
});
