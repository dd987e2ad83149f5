import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TeamsConversationStore } from "../../src/channels/teams/conversation-store.js";
import { TeamsGroupSync } from "../../src/channels/teams/directory/group-sync.js";
import type { RosterMember, RosterPage, RosterScope, TeamsRoster } from "../../src/channels/teams/directory/teams-roster.js";
import { fixedClock } from "../../src/core/clock.js";
import { createLogger } from "../../src/log/logger.js";
import { OWNERS, startTestAims, type TestAims } from "../support/aims-harness.js";

const clock = fixedClock(new Date("2026-12-02T08:00:00.000Z"));
const TEAM_ID = "19:replicas0123456789@thread.tacv2";
const member = (n: number): RosterMember => ({ aadObjectId: `6a7b8c9d-0000-4000-8000-${String(n).padStart(12, "0")}`, name: `Member ${n}`, email: null });

/**
 * A Teams roster of five members in pages of two, as the Bot Connector pages it. `failOnPage` makes one read of that
 * page fail (a throttled answer botbuilder gave up on); `gate` holds every read until it is opened.
 */
class PagedRoster {
  members = [1, 2, 3, 4, 5].map(member);
  reads: (string | null)[] = [];
  failOnPage: string | null = null;
  private opened: Promise<void> = Promise.resolve();
  private open: () => void = () => undefined;

  hold(): void {
    this.opened = new Promise((resolve) => {
      this.open = resolve;
    });
  }

  release(): void {
    this.open();
  }

  async page(_scope: RosterScope, token: string | null): Promise<RosterPage> {
    this.reads.push(token);
    await this.opened;
    if (token !== null && token === this.failOnPage) {
      this.failOnPage = null;
      throw Object.assign(new Error("throttled"), { statusCode: 429 });
    }
    const start = token ? Number(token) : 0;
    const end = start + 2;
    return { members: this.members.slice(start, end), continuationToken: end < this.members.length ? String(end) : null };
  }
}

let t: TestAims;
let groupId: string;
const roster = new PagedRoster();
const replica = () =>
  new TeamsGroupSync({
    core: t.aims.core,
    roster: roster as unknown as TeamsRoster,
    conversations: new TeamsConversationStore(t.aims.core.prisma),
    logger: createLogger("silent"),
    syncHours: 6,
  });
const openMembers = async () =>
  (await t.aims.core.prisma.groupMembership.findMany({ where: { groupId, until: null }, orderBy: { externalId: "asc" } })).map((row) => row.externalId);

beforeAll(async () => {
  // Slack only: no Teams channel of the app syncs the group behind the test's back.
  t = await startTestAims({ clock });
  const bound = await t.aims.core.roles.bindGroup({ channel: "slack", id: OWNERS[0] }, { role: "triager", reason: "Replica test" }, { channel: "teams", externalId: TEAM_ID, name: "Replicas" });
  if (bound.kind !== "ok") throw new Error("could not bind the test group");
  groupId = bound.grant.groupId!;
}, 180_000);
afterAll(async () => {
  await t?.stop();
});

describe("syncing a bound Teams group across replicas", () => {
  it("runs one pass when two replicas start it at the same moment", async () => {
    roster.hold();
    const both = Promise.all([replica().syncDue(), replica().syncDue()]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    roster.release();
    expect((await both).sort()).toEqual([0, 1]);
    expect(roster.reads).toEqual([null, "2", "4"]);
    expect(await openMembers()).toEqual([1, 2, 3, 4, 5].map((n) => member(n).aadObjectId));
  });

  it("is not due again before TEAMS_GROUP_SYNC_HOURS", async () => {
    roster.reads = [];
    clock.advance(5 * 3_600_000);
    expect(await replica().syncDue()).toBe(0);
    expect(roster.reads).toEqual([]);
  });

  it("resumes a pass cut short where it stopped, on another replica, and closes the memberships of those who left", async () => {
    roster.reads = [];
    roster.members = [1, 2, 4, 5, 6].map(member);
    roster.failOnPage = "2";
    clock.advance(2 * 3_600_000);
    expect(await replica().syncDue()).toBe(0);
    expect(roster.reads).toEqual([null, "2"]);
    const group = await t.aims.core.prisma.directoryGroup.findUniqueOrThrow({ where: { id: groupId } });
    expect(group.syncError).toBe("throttled");

    // The wait after a failure holds every replica off; once it is over, another one picks up at page 2.
    expect(await replica().syncDue()).toBe(0);
    clock.advance(61_000);
    roster.reads = [];
    expect(await replica().syncDue()).toBe(1);
    expect(roster.reads).toEqual(["2", "4"]);
    expect(await openMembers()).toEqual([1, 2, 4, 5, 6].map((n) => member(n).aadObjectId));
    const left = await t.aims.core.prisma.groupMembership.findFirstOrThrow({ where: { groupId, externalId: member(3).aadObjectId } });
    expect(left.until).toEqual(clock.now());
    expect(await t.aims.core.roles.has({ channel: "teams", id: member(3).aadObjectId }, "triager")).toBe(false);
    expect(await t.aims.core.roles.has({ channel: "teams", id: member(6).aadObjectId }, "triager")).toBe(true);
    expect(await t.aims.core.prisma.directoryGroup.findUniqueOrThrow({ where: { id: groupId } })).toMatchObject({ syncError: null, syncedAt: clock.now() });
  });
});
