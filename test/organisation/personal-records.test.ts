import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../src/core/clock.js";
import type { Prisma } from "../../src/db/database.js";
import { openDuties } from "../../src/features/organisation/open-duties.js";
import type { PeopleDirectory } from "../../src/features/organisation/people-directory.js";
import { personalData } from "../../src/features/organisation/personal-data.js";
import { ANONYMOUS_CONCERNS_NOTE, openDutiesReport, personalDataReport } from "../../src/features/organisation/personal-data-text.js";
import type { RoleService } from "../../src/features/organisation/role-service.js";
import { openMigratedDatabase, type MigratedDatabase } from "../evidence/support/migrated-database.js";
import { organisationIn } from "../support/roles.js";

const DAY = 24 * 60 * 60 * 1000;
const clock = fixedClock(new Date("2027-02-01T09:00:00.000Z"));
const OWNER = { channel: "slack" as const, id: "UOWNER1" };
const ALICE_SLACK = { channel: "slack" as const, id: "UALICE" };
const ALICE_TEAMS = { channel: "teams" as const, id: "aad-alice" };

let db: MigratedDatabase;
let prisma: Prisma;
let directory: PeopleDirectory;
let roles: RoleService;

beforeAll(async () => {
  db = await openMigratedDatabase();
  prisma = db.database.prisma;
  ({ people: directory, roles } = await organisationIn(prisma, clock, { owner: { slack: [OWNER.id] } }));
  await directory.observe({ ...ALICE_SLACK, name: "Alice", verifiedEmail: "alice@example.com" });
  await directory.observe({ ...ALICE_TEAMS, name: "Alice", verifiedEmail: "alice@example.com" });
  await seedAlicesRecords();
});
afterAll(async () => {
  await db?.close();
});

/** Records as their features store them, across Alice's two accounts, and an anonymous concern nothing links to her. */
async function seedAlicesRecords() {
  const day = new Date("2027-02-01T00:00:00.000Z");
  const deadlines = { receivedOn: day, acknowledgeBy: day, resolveBy: day, controls: [] };
  await prisma.concern.create({ data: { reference: "CON-0001", anonymous: true, category: "bias", description: "Anonymous one", ...deadlines } });
  await prisma.concern.create({ data: { reference: "CON-0002", anonymous: false, reporterChannel: "teams", reporterId: ALICE_TEAMS.id, category: "privacy", description: "Named one", ...deadlines } });
  await prisma.concern.create({ data: { reference: "CON-0003", anonymous: false, reporterChannel: "slack", reporterId: "UBOB", category: "safety", description: "Bob's", assigneeChannel: "slack", assigneeId: ALICE_SLACK.id, status: "acknowledged", ...deadlines } });
  const system = { vendor: "Acme", purpose: "Notes", orgRole: "ai_user" as const, riskTier: "low" as const, approvedAt: day, nextReviewAt: new Date("2028-02-01T00:00:00.000Z"), controls: [] };
  await prisma.aiSystem.create({ data: { reference: "SYS-0001", name: "Notes Bot", ownerChannel: "teams", ownerId: ALICE_TEAMS.id, ...system } });
  await prisma.aiSystem.create({ data: { reference: "SYS-0002", name: "Old Bot", ownerChannel: "slack", ownerId: ALICE_SLACK.id, status: "retired", ...system } });
  const assessment = { definitionId: "default", definitionVersion: "1", answers: {}, trigger: "initial" as const, assessorChannel: "slack" as const, assessorId: ALICE_SLACK.id, controls: [] };
  await prisma.impactAssessment.create({ data: { reference: "IA-0001", status: "draft", ...assessment } });
  await prisma.impactAssessment.create({ data: { reference: "IA-0002", status: "signed_off", ...assessment } });
  const action = { ownerName: "Alice", createdByChannel: "slack" as const, createdById: OWNER.id, createdAt: day, controls: ["9.3"] };
  await prisma.managementReview.create({
    data: {
      reference: "MR-0001",
      title: "Q1 review",
      scheduledAt: day,
      status: "closed",
      organiserChannel: "slack",
      organiserId: OWNER.id,
      reviewers: [],
      controls: ["9.3"],
      createdAt: day,
      actions: {
        create: [
          { ...action, description: "Write prompt tests", ownerChannel: "teams", ownerId: ALICE_TEAMS.id, dueDate: new Date("2027-03-01T00:00:00.000Z") },
          { ...action, description: "Publish the policy", ownerChannel: "slack", ownerId: ALICE_SLACK.id, dueDate: new Date("2027-01-15T00:00:00.000Z"), status: "done", completedAt: day },
          { ...action, description: "Bob's action", ownerChannel: "slack", ownerId: "UBOB", dueDate: new Date("2027-03-01T00:00:00.000Z") },
        ],
      },
    },
  });
  const payload = { type: "reminder", item: { itemId: "SYS-0001", title: "Review Notes Bot" } };
  await prisma.scheduledDelivery.create({ data: { key: "r1", kind: "reminder", channel: "teams", recipientId: ALICE_TEAMS.id, payload, notBefore: new Date("2027-02-03T09:00:00.000Z") } });
  await prisma.scheduledDelivery.create({ data: { key: "r2", kind: "reminder", channel: "teams", recipientId: ALICE_TEAMS.id, payload, notBefore: day, status: "sent" } });
}

describe("what the bot holds about a person", () => {
  it("gathers the records of both accounts, named concerns only, and roles held through a group with when it ended", async () => {
    const bound = await roles.bindGroup(OWNER, { role: "triager", reason: "The ethics team triages" }, { channel: "teams", externalId: "19:ethics", name: "Ethics team" });
    if (bound.kind !== "ok") throw new Error(JSON.stringify(bound));
    const membership = await prisma.groupMembership.create({ data: { groupId: bound.grant.groupId!, channel: "teams", externalId: ALICE_TEAMS.id, since: clock.now() } });
    clock.advance(3 * DAY);

    const data = await personalData({ prisma, clock, directory }, ALICE_SLACK);
    expect(data.accounts.map((account) => `${account.channel}:${account.externalId}`)).toEqual(["slack:UALICE", "teams:aad-alice"]);
    expect(data.roles.current).toEqual([expect.objectContaining({ role: "triager", source: "group", via: "Ethics team", grantedBy: "slack:UOWNER1" })]);
    expect(data.concerns.items.map((concern) => concern.reference)).toEqual(["CON-0002"]);
    expect(data.systems.items.map((system) => system.reference)).toEqual(["SYS-0001"]);
    expect(data.assessments.items.map((assessment) => assessment.reference)).toEqual(["IA-0002", "IA-0001"]);
    expect(data.reminders).toEqual({ total: 1, items: [expect.objectContaining({ itemId: "SYS-0001", title: "Review Notes Bot", channel: "teams" })] });

    const reviewActions = await prisma.managementReviewAction.findMany({ orderBy: { id: "asc" } });
    expect(data.reviewActions.items.map((line) => [line.reference, line.title, line.status])).toEqual([
      [`MR-0001/A-${reviewActions[1]!.id}`, "Publish the policy", "done"],
      [`MR-0001/A-${reviewActions[0]!.id}`, "Write prompt tests", "open"],
    ]);
    const mine = personalDataReport(data).sections.find((section) => section.title === "Management review actions you own")!;
    expect(mine.lines.join("\n")).toContain("Write prompt tests");
    expect(mine.lines.join("\n")).not.toContain("Bob's action");

    const text = JSON.stringify(personalDataReport(data));
    expect(text).toContain(ANONYMOUS_CONCERNS_NOTE);
    expect(text).not.toContain("CON-0001");
    expect(text).toContain("concern triager, since 2027-02-01, as a member of Ethics team, bound by slack:UOWNER1: The ethics team triages");

    await prisma.groupMembership.update({ where: { id: membership.id }, data: { until: clock.now() } });
    clock.advance(DAY);
    const after = await personalData({ prisma, clock, directory }, ALICE_TEAMS);
    expect(after.roles.current).toEqual([]);
    expect(JSON.stringify(personalDataReport(after))).toContain("concern triager, 2027-02-01 to 2027-02-04, as a member of Ethics team, bound by slack:UOWNER1: The ethics team triages; ended: left Ethics team");
  });

  it("answers an account the directory has not met with that account alone", async () => {
    const data = await personalData({ prisma, clock, directory }, { channel: "slack", id: "UNEWCOMER" });
    expect(data.accounts).toEqual([expect.objectContaining({ externalId: "UNEWCOMER", linkReason: null })]);
    expect(personalDataReport(data).sections[0]!.lines).toEqual(["Slack account UNEWCOMER: not yet in the people directory"]);
  });
});

describe("a leaver's open duties", () => {
  it("lists only what is still open, across every account of the person, once an account is deactivated", async () => {
    expect(await openDuties({ prisma, clock }, ALICE_SLACK)).toBeNull();
    const granted = await roles.grant(OWNER, { role: "approver", person: ALICE_SLACK, reason: "Approvals rota", until: "" });
    expect(granted.kind).toBe("ok");
    await directory.observe({ ...ALICE_SLACK, deactivated: { reason: "deleted in Slack" } });

    const duties = (await openDuties({ prisma, clock }, ALICE_SLACK))!;
    expect(duties.roles.map((holding) => holding.role)).toEqual(["approver"]);
    expect(duties.systems.items.map((system) => system.reference)).toEqual(["SYS-0001"]);
    expect(duties.assessments.items.map((assessment) => assessment.reference)).toEqual(["IA-0001"]);
    expect(duties.concerns.items.map((concern) => concern.reference)).toEqual(["CON-0003"]);
    expect(duties.reminders.total).toBe(1);
    expect(duties.reviewActions.items.map((line) => line.title)).toEqual(["Write prompt tests"]);
    expect(duties.otherAccounts.map((account) => account.externalId)).toEqual([ALICE_TEAMS.id]);

    const report = openDutiesReport(duties);
    expect(report.headline).toBe("Alice (Slack account UALICE) was deactivated: deleted in Slack. They still hold these AIMS duties; please hand them over:");
    expect(report.sections.map((section) => section.title)).toEqual([
      "Roles still granted (revoke them or hand them over)",
      "AI systems they own",
      "Open management review actions they own",
      "Impact assessments they have in progress",
      "Concerns assigned to them in triage",
      "Reminders still to be sent to them",
      "Their other accounts",
    ]);
    expect(JSON.stringify(report)).not.toContain("CON-0002");
  });
});
