import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SlackContext } from "../../../../src/channels/slack/context.js";
import { directoryClient } from "../../../../src/channels/slack/directory/directory-client.js";
import { SlackGroupSync } from "../../../../src/channels/slack/directory/group-sync.js";
import { SlackPeople } from "../../../../src/channels/slack/directory/slack-people.js";
import { findUserGroup, listUserGroups } from "../../../../src/channels/slack/directory/user-groups.js";
import { fixedClock } from "../../../../src/core/clock.js";
import { createLogger } from "../../../../src/log/logger.js";
import { APPROVALS_CHANNEL, EMPLOYEE, OWNERS, startTestAims, TEST_BOT_TOKEN, type TestAims } from "../../../support/aims-harness.js";
import { eventually } from "../../../support/eventually.js";
import { VALID_REQUEST } from "../../../support/request-form-state.js";
import { buttonValue, clickDecision, decisionIds, submitRequest } from "../../../support/request-steps.js";

const HOUR = 60 * 60_000;
const START = new Date("2026-12-01T09:00:00.000Z");
const clock = fixedClock(START);
const OWNER = { channel: "slack" as const, id: OWNERS[0] };
const MEMBERS = ["UGROUPMEM1", "UGROUPMEM2", "UGROUPMEM3", "UGROUPMEM4"] as const;
const APPROVERS_GROUP = { id: "SAIAPPROVE", handle: "ai-approvers", name: "AI approvers" };
const RESPONDERS_GROUP = { id: "SRESPOND01", handle: "ai-responders", name: "AI incident responders" };

let t: TestAims;
beforeAll(async () => {
  t = await startTestAims({ clock });
  for (const [i, id] of MEMBERS.entries()) t.fake.addUser({ id, name: `member.${i + 1}`, real_name: `Member ${i + 1}`, email: `member${i + 1}@example.org` });
  t.fake.addUserGroup({ ...APPROVERS_GROUP, users: [MEMBERS[0], MEMBERS[1]] });
}, 180_000);
afterAll(async () => {
  await t?.stop();
});

const client = () => t.aims.slack!.app.client;
const sync = () => t.aims.slack!.directory.groups;
const slackId = (id: string) => ({ channel: "slack" as const, id });

async function openMembers(externalId: string): Promise<string[]> {
  const rows = await t.aims.core.prisma.groupMembership.findMany({ where: { group: { externalId }, until: null }, orderBy: { externalId: "asc" } });
  return rows.map((row) => row.externalId);
}

async function bind(role: "approver" | "incident_responder", idOrHandle: string) {
  const group = await findUserGroup(client(), idOrHandle);
  const result = await t.aims.core.roles.bindGroup(OWNER, { role, reason: "Roles follow the Slack user group" }, group);
  expect(result.kind).toBe("ok");
}

describe("roles from Slack user groups", () => {
  it("finds user groups by id, handle or mention for the binding form, and nothing for an unknown one", async () => {
    expect(await listUserGroups(client())).toEqual([{ id: APPROVERS_GROUP.id, handle: APPROVERS_GROUP.handle, name: APPROVERS_GROUP.name }]);
    const facts = { channel: "slack", externalId: APPROVERS_GROUP.id, name: "AI approvers (@ai-approvers)" };
    expect(await findUserGroup(client(), "@AI-Approvers")).toEqual(facts);
    expect(await findUserGroup(client(), APPROVERS_GROUP.id)).toEqual(facts);
    expect(await findUserGroup(client(), `<!subteam^${APPROVERS_GROUP.id}|@ai-approvers>`)).toEqual(facts);
    expect(await findUserGroup(client(), "@nobody-here")).toBeNull();
    const refused = await t.aims.core.roles.bindGroup(OWNER, { role: "approver", reason: "x" }, await findUserGroup(client(), "@nobody-here"));
    expect(refused).toMatchObject({ kind: "invalid", errors: { group: expect.stringContaining("cannot find this group") } });
  });

  it("gives the members of a bound group the role at once: one of them decides a request", async () => {
    await bind("approver", "@ai-approvers");
    await eventually(async () => expect(await openMembers(APPROVERS_GROUP.id)).toEqual([MEMBERS[0], MEMBERS[1]]), 10_000);
    expect(await t.aims.core.roles.has(slackId(MEMBERS[0]), "approver")).toBe(true);
    expect(await t.aims.core.roles.has(slackId(MEMBERS[2]), "approver")).toBe(false);
    // Each member is a known person, looked up like anyone who acts.
    await sync().settled();
    expect(await t.aims.core.directory.identity(slackId(MEMBERS[0]))).toMatchObject({ name: "Member 1", email: "member1@example.org" });
    const group = await t.aims.core.prisma.directoryGroup.findFirstOrThrow({ where: { externalId: APPROVERS_GROUP.id } });
    expect(group).toMatchObject({ syncedAt: START, syncError: null, syncLeaseHolder: null });

    const { reference, approvalTs } = await submitRequest(t, EMPLOYEE, { ...VALID_REQUEST, toolName: "Approved by the group" });
    const approval = t.fake.callsTo("chat.postMessage").find((c) => String(c.args.text).includes(reference) && c.args.channel === APPROVALS_CHANNEL)!;
    await clickDecision(t, MEMBERS[0], decisionIds.approve, buttonValue(approval, decisionIds.approve), approvalTs);
    await eventually(async () => expect((await t.aims.core.requests.find(reference))!.status).toBe("approved"));

    const joined = await t.aims.core.prisma.auditEvent.findMany({ where: { action: "group_membership.joined" } });
    expect(joined).toHaveLength(2);
    expect(joined[0]).toMatchObject({ entityType: "group_membership", controls: ["5.3", "A.3.2"], actorId: null });
  });

  it("follows subteam_members_changed: a new member gains the role, a leaver loses it from that moment", async () => {
    clock.advance(HOUR);
    t.fake.setUserGroupMembers(APPROVERS_GROUP.id, [MEMBERS[1], MEMBERS[2]]);
    const event = { type: "subteam_members_changed", subteam_id: APPROVERS_GROUP.id, added_users: [MEMBERS[2]], removed_users: [MEMBERS[0]] };
    expect((await t.slack.event(event)).status).toBe(200);
    await eventually(async () => expect(await openMembers(APPROVERS_GROUP.id)).toEqual([MEMBERS[1], MEMBERS[2]]));
    expect(await t.aims.core.roles.has(slackId(MEMBERS[0]), "approver")).toBe(false);
    expect(await t.aims.core.roles.has(slackId(MEMBERS[2]), "approver")).toBe(true);
    const left = await t.aims.core.prisma.groupMembership.findFirstOrThrow({ where: { externalId: MEMBERS[0] } });
    expect(left).toMatchObject({ since: START, until: clock.now() });
    expect(await t.aims.core.prisma.auditEvent.count({ where: { action: "group_membership.left", entityId: String(left.id) } })).toBe(1);

    // A renamed group keeps its members and takes the new name.
    await t.slack.event({ type: "subteam_updated", subteam: { id: APPROVERS_GROUP.id, name: "AI tool approvers", handle: "ai-approvers" } });
    await eventually(async () =>
      expect(await t.aims.core.prisma.directoryGroup.findFirst({ where: { externalId: APPROVERS_GROUP.id } })).toMatchObject({ name: "AI tool approvers" }),
    );
    await sync().settled();
    expect(await t.aims.core.prisma.groupMembership.count({ where: { group: { externalId: APPROVERS_GROUP.id } } })).toBe(3);
  });

  it("waits out Slack's rate limit (Retry-After) and completes; a failed sync is recorded and done at the next resync", async () => {
    t.fake.addUserGroup({ ...RESPONDERS_GROUP, users: [MEMBERS[3]] });
    t.fake.rateLimit("usergroups.users.list", { times: 2, retryAfterSeconds: 1 });
    const before = t.fake.callsTo("usergroups.users.list").length;
    await bind("incident_responder", RESPONDERS_GROUP.id);
    await eventually(async () => expect(await openMembers(RESPONDERS_GROUP.id)).toEqual([MEMBERS[3]]), 20_000);
    // A binding resyncs every bound group, the older one first: it meets the rate limit and waits it out.
    const calls = t.fake.callsTo("usergroups.users.list").slice(before);
    expect(calls.map((call) => [call.args.usergroup, call.httpStatus])).toEqual([
      [APPROVERS_GROUP.id, 429],
      [APPROVERS_GROUP.id, 429],
      [APPROVERS_GROUP.id, 200],
      [RESPONDERS_GROUP.id, 200],
    ]);
    expect(calls[1]!.at - calls[0]!.at).toBeGreaterThanOrEqual(1000);
    expect(calls[2]!.at - calls[1]!.at).toBeGreaterThanOrEqual(1000);
    expect(await t.aims.core.roles.has(slackId(MEMBERS[3]), "incident_responder")).toBe(true);

    t.fake.setUserGroupMembers(RESPONDERS_GROUP.id, [MEMBERS[3], MEMBERS[0]]);
    t.fake.failNext("usergroups.users.list", "fatal_error");
    await t.slack.event({ type: "subteam_members_changed", subteam_id: RESPONDERS_GROUP.id, added_users: [MEMBERS[0]], removed_users: [] });
    await eventually(async () =>
      expect((await t.aims.core.prisma.directoryGroup.findFirstOrThrow({ where: { externalId: RESPONDERS_GROUP.id } })).syncError).toContain("fatal_error"),
    );
    expect(await openMembers(RESPONDERS_GROUP.id)).toEqual([MEMBERS[3]]);

    await sync().syncDue();
    expect(await openMembers(RESPONDERS_GROUP.id)).toEqual([MEMBERS[0], MEMBERS[3]]);
    expect(await t.aims.core.prisma.directoryGroup.findFirstOrThrow({ where: { externalId: RESPONDERS_GROUP.id } })).toMatchObject({ syncError: null });
  });

  it("leaves one membership row per member when two replicas resync and hear the same change at once", async () => {
    const quiet = createLogger("warn", new Writable({ write: (_chunk, _encoding, done) => done() }));
    const ctx: SlackContext = {
      core: t.aims.core,
      logger: quiet,
      slack: { botToken: TEST_BOT_TOKEN, apiUrl: t.fake.apiUrl, approvalsChannel: APPROVALS_CHANNEL, groupSyncHours: 6, apiTimeoutMs: 30_000, formSaveWaitMs: 1000 },
    };
    const replicaClient = directoryClient(ctx);
    const other = new SlackGroupSync(ctx, replicaClient, new SlackPeople(ctx, replicaClient), "replica-b");
    clock.advance(7 * HOUR);
    t.fake.setUserGroupMembers(APPROVERS_GROUP.id, [MEMBERS[1], MEMBERS[2], MEMBERS[3]]);
    t.fake.setUserGroupMembers(RESPONDERS_GROUP.id, [MEMBERS[1]]);

    await Promise.all([sync().syncDue(), other.syncDue(), sync().changed(APPROVERS_GROUP.id), other.changed(APPROVERS_GROUP.id)]);
    await Promise.all([sync().settled(), other.settled()]);

    expect(await openMembers(APPROVERS_GROUP.id)).toEqual([MEMBERS[1], MEMBERS[2], MEMBERS[3]]);
    expect(await openMembers(RESPONDERS_GROUP.id)).toEqual([MEMBERS[1]]);
    const joinedOnce = await t.aims.core.prisma.groupMembership.groupBy({ by: ["groupId", "externalId", "since"], _count: { _all: true } });
    expect(joinedOnce.every((row) => row._count._all === 1)).toBe(true);
    expect(await t.aims.core.prisma.directoryGroup.count({ where: { NOT: { syncLeaseHolder: null } } })).toBe(0);

    // Even two writes of the same list at once (a lease that ran out mid-sync) add each member once.
    const group = await t.aims.core.prisma.directoryGroup.findFirstOrThrow({ where: { externalId: APPROVERS_GROUP.id } });
    const listed = [MEMBERS[0], MEMBERS[1], MEMBERS[2], MEMBERS[3]];
    const [first, second] = await Promise.all([t.aims.core.groups.applyMembers(group.id, listed), t.aims.core.groups.applyMembers(group.id, listed)]);
    expect([...first.joined, ...second.joined]).toEqual([MEMBERS[0]]);
    expect(await openMembers(APPROVERS_GROUP.id)).toEqual(listed);
  });

  it("resumes a sync a replica died in once its lease runs out, and ignores changes to groups no role is bound to", async () => {
    const { prisma } = t.aims.core;
    const where = { externalId: APPROVERS_GROUP.id };
    await prisma.directoryGroup.updateMany({ where, data: { syncedAt: null, syncLeaseHolder: "replica-that-died", syncLeaseUntil: new Date(clock.now().getTime() + 15 * 60_000) } });
    t.fake.setUserGroupMembers(APPROVERS_GROUP.id, [MEMBERS[2]]);
    const before = t.fake.callsTo("usergroups.users.list").length;
    await sync().syncDue();
    expect(t.fake.callsTo("usergroups.users.list")).toHaveLength(before);
    expect(await openMembers(APPROVERS_GROUP.id)).toHaveLength(4);

    clock.advance(16 * 60_000);
    await sync().syncDue();
    expect(await openMembers(APPROVERS_GROUP.id)).toEqual([MEMBERS[2]]);
    expect(await prisma.directoryGroup.findFirstOrThrow({ where })).toMatchObject({ syncLeaseHolder: null, syncedAt: clock.now() });

    t.fake.addUserGroup({ id: "SUNBOUND01", handle: "book-club", name: "Book club", users: [MEMBERS[0]] });
    await t.slack.event({ type: "subteam_members_changed", subteam_id: "SUNBOUND01", added_users: [MEMBERS[0]], removed_users: [] });
    // A change to a bound group, heard after it, is synced: the unbound one was passed over, not still on its way.
    t.fake.setUserGroupMembers(APPROVERS_GROUP.id, [MEMBERS[2], MEMBERS[3]]);
    await t.slack.event({ type: "subteam_members_changed", subteam_id: APPROVERS_GROUP.id, added_users: [MEMBERS[3]], removed_users: [] });
    await eventually(async () => expect(await openMembers(APPROVERS_GROUP.id)).toEqual([MEMBERS[2], MEMBERS[3]]));
    await sync().settled();
    expect(t.fake.callsTo("usergroups.users.list").filter((call) => call.args.usergroup === "SUNBOUND01")).toEqual([]);
  });

  it("resyncs a group bound again, whose members changed while no role was bound to it", async () => {
    const grant = await t.aims.core.prisma.roleGrant.findFirstOrThrow({ where: { role: "approver", group: { externalId: APPROVERS_GROUP.id }, effectiveUntil: null } });
    expect((await t.aims.core.roles.revoke(OWNER, grant.id, "Approvals go back to named people")).kind).toBe("ok");
    t.fake.setUserGroupMembers(APPROVERS_GROUP.id, [MEMBERS[0]]);
    await t.slack.event({ type: "subteam_members_changed", subteam_id: APPROVERS_GROUP.id, added_users: [MEMBERS[0]], removed_users: [MEMBERS[2], MEMBERS[3]] });
    await bind("approver", APPROVERS_GROUP.id);
    await eventually(async () => expect(await openMembers(APPROVERS_GROUP.id)).toEqual([MEMBERS[0]]));
    expect(await t.aims.core.roles.has(slackId(MEMBERS[0]), "approver")).toBe(true);
    expect(await t.aims.core.roles.has(slackId(MEMBERS[3]), "approver")).toBe(false);
    // The binding resyncs the responders' group too.
    await sync().settled();
  });

  it("removes the members of a group Slack no longer has, and says so on the group", async () => {
    const { prisma } = t.aims.core;
    await prisma.directoryGroup.updateMany({ where: { externalId: RESPONDERS_GROUP.id }, data: { syncedAt: null } });
    t.fake.setUserGroupMembers(RESPONDERS_GROUP.id, []);
    t.fake.failNext("usergroups.users.list", "no_such_subteam");
    await sync().syncDue();
    expect(await openMembers(RESPONDERS_GROUP.id)).toEqual([]);
    expect((await prisma.directoryGroup.findFirstOrThrow({ where: { externalId: RESPONDERS_GROUP.id } })).syncError).toContain("no longer has this user group");
  });
});
