import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../src/core/clock.js";
import type { Prisma } from "../../src/db/database.js";
import { verifyAuditChain } from "../../src/features/audit-trail/verify-chain.js";
import { sealPending } from "../../src/features/audit-trail/seal-chain.js";
import type { PeopleDirectory } from "../../src/features/organisation/people-directory.js";
import { applyBootstrapRoles } from "../../src/features/organisation/role-bootstrap.js";
import type { RoleService } from "../../src/features/organisation/role-service.js";
import { openMigratedDatabase, type MigratedDatabase } from "../evidence/support/migrated-database.js";
import { organisationIn } from "../support/roles.js";

const DAY = 24 * 60 * 60 * 1000;
const clock = fixedClock(new Date("2027-02-01T09:00:00.000Z"));
const OWNER = { channel: "slack" as const, id: "UOWNER1" };
const ALICE_SLACK = { channel: "slack" as const, id: "UALICE" };
const ALICE_TEAMS = { channel: "teams" as const, id: "aad-alice" };
const BOB_SLACK = { channel: "slack" as const, id: "UBOB" };

let db: MigratedDatabase;
let prisma: Prisma;
let people: PeopleDirectory;
let roles: RoleService;

beforeAll(async () => {
  db = await openMigratedDatabase();
  prisma = db.database.prisma;
  ({ people, roles } = await organisationIn(prisma, clock, { owner: { slack: [OWNER.id] } }));
});
afterAll(async () => {
  await db?.close();
});

const grant = (role: string, person: { channel: "slack" | "teams"; id: string }, reason = "covers the approvals rota", until = "") =>
  roles.grant(OWNER, { role, person, reason, until });

describe("people across Slack and Teams", () => {
  it("links two accounts that report the same verified email, says why, and compares them as one person", async () => {
    expect(await roles.samePerson(ALICE_SLACK, ALICE_TEAMS)).toBe(false);
    await people.observe({ ...ALICE_SLACK, name: "Alice", verifiedEmail: "Alice@Example.com" });
    await people.observe({ ...ALICE_TEAMS, name: "Alice A.", verifiedEmail: "alice@example.com" });

    expect(await roles.samePerson(ALICE_SLACK, ALICE_TEAMS)).toBe(true);
    expect(await roles.samePerson(ALICE_TEAMS, BOB_SLACK)).toBe(false);
    const teams = await people.identity(ALICE_TEAMS);
    expect(teams?.linkReason).toBe("same verified email alice@example.com as the Slack account UALICE");
  });

  it("keeps accounts with different emails apart, and lets an AIMS owner unlink with a reason", async () => {
    await people.observe({ ...BOB_SLACK, verifiedEmail: "bob@example.com" });
    expect(await people.unlink(OWNER, ALICE_TEAMS, "  ")).toMatchObject({ kind: "invalid", errors: { reason: expect.any(String) } });
    expect(await people.unlink(OWNER, ALICE_TEAMS, "a shared mailbox, not Alice")).toEqual({ kind: "linked" });
    expect(await roles.samePerson(ALICE_SLACK, ALICE_TEAMS)).toBe(false);
    // Seeing the same email again does not undo a decision made by hand.
    await people.observe({ ...ALICE_TEAMS, verifiedEmail: "alice@example.com" });
    expect(await roles.samePerson(ALICE_SLACK, ALICE_TEAMS)).toBe(false);
    expect(await people.link(OWNER, ALICE_SLACK, ALICE_TEAMS, "confirmed with Alice in person")).toEqual({ kind: "linked" });
    expect(await roles.samePerson(ALICE_SLACK, ALICE_TEAMS)).toBe(true);
  });
});

describe("roles held over time", () => {
  it("grants a role to a person, on every account of theirs, and records who granted it and why", async () => {
    expect(await roles.has(ALICE_TEAMS, "approver")).toBe(false);
    const granted = await grant("approver", ALICE_SLACK);
    expect(granted.kind).toBe("ok");
    expect(await roles.has(ALICE_SLACK, "approver")).toBe(true);
    expect(await roles.has(ALICE_TEAMS, "approver")).toBe(true);
    expect(await roles.members("approver", "teams")).toEqual([ALICE_TEAMS.id]);
    expect(await grant("approver", ALICE_TEAMS)).toMatchObject({ kind: "invalid", errors: { person: "They are already an approver." } });
  });

  it("refuses changes from anyone but an AIMS owner, and a change without a reason or with a past end date", async () => {
    expect(await roles.grant(BOB_SLACK, { role: "owner", person: BOB_SLACK, reason: "me" })).toMatchObject({ kind: "forbidden" });
    expect(await grant("approver", BOB_SLACK, "")).toMatchObject({ kind: "invalid", errors: { reason: expect.any(String) } });
    expect(await grant("wizard", BOB_SLACK)).toMatchObject({ kind: "invalid", errors: { role: "Pick a role." } });
    expect(await grant("approver", BOB_SLACK, "holiday cover", "2027-01-01")).toMatchObject({ kind: "invalid", errors: { until: expect.any(String) } });
  });

  it("ends a grant on its end date by itself", async () => {
    const cover = await grant("triager", BOB_SLACK, "holiday cover", "2027-02-10");
    expect(cover.kind).toBe("ok");
    expect(await roles.has(BOB_SLACK, "triager")).toBe(true);
    clock.advance(10 * DAY);
    expect(await roles.has(BOB_SLACK, "triager")).toBe(false);
  });

  it("refuses to revoke the last AIMS owner, and revokes once there is another", async () => {
    const bootstrap = await prisma.roleGrant.findFirstOrThrow({ where: { role: "owner", source: "environment" } });
    expect(await roles.revoke(OWNER, bootstrap.id, "leaving")).toMatchObject({ kind: "invalid", errors: { grant: expect.stringContaining("AIMS_OWNERS") } });
    const aliceOwner = await grant("owner", ALICE_SLACK, "second owner");
    if (aliceOwner.kind !== "ok") throw new Error("grant failed");
    const bobOwner = await grant("owner", BOB_SLACK, "third owner");
    if (bobOwner.kind !== "ok") throw new Error("grant failed");
    expect(await roles.revoke(OWNER, bobOwner.grant.id, "")).toMatchObject({ kind: "invalid", errors: { reason: expect.any(String) } });
    expect(await roles.revoke(OWNER, bobOwner.grant.id, "moved team")).toMatchObject({ kind: "ok" });
    expect(await roles.has(BOB_SLACK, "owner")).toBe(false);
    expect(await roles.revoke(OWNER, bobOwner.grant.id, "again")).toMatchObject({ kind: "invalid" });
  });

  it("gives a bound group's members the role while they are in it, and never to a deactivated account", async () => {
    const group = { channel: "slack" as const, externalId: "SAPPROVERS", name: "@ai-approvers" };
    expect(await roles.bindGroup(OWNER, { role: "approver", reason: "the approvals rota" }, null)).toMatchObject({ kind: "invalid", errors: { group: expect.any(String) } });
    const bound = await roles.bindGroup(OWNER, { role: "approver", reason: "the approvals rota" }, group);
    expect(bound.kind).toBe("ok");
    const stored = await prisma.directoryGroup.findUniqueOrThrow({ where: { channel_externalId: { channel: "slack", externalId: "SAPPROVERS" } } });
    await prisma.groupMembership.create({ data: { groupId: stored.id, channel: "slack", externalId: "UCAROL", since: clock.now() } });
    expect(await roles.has({ channel: "slack", id: "UCAROL" }, "approver")).toBe(false); // never seen: no account yet
    await people.observe({ channel: "slack", id: "UCAROL", name: "Carol" });
    expect(await roles.has({ channel: "slack", id: "UCAROL" }, "approver")).toBe(true);
    expect(await roles.members("approver", "slack")).toContain("UCAROL");

    await people.observe({ channel: "slack", id: "UCAROL", deactivated: { reason: "Slack reports the account deactivated" } });
    expect(await roles.has({ channel: "slack", id: "UCAROL" }, "approver")).toBe(false);
    expect(await roles.members("approver", "slack")).not.toContain("UCAROL");
  });

  it("ends environment grants for ids no longer listed, keeps the others, and is idempotent", async () => {
    const listed = [{ role: "owner" as const, channel: "slack" as const, variable: "AIMS_OWNERS", ids: [OWNER.id] }];
    await applyBootstrapRoles({ prisma, clock, people }, listed);
    await applyBootstrapRoles({ prisma, clock, people }, listed);
    expect(await prisma.roleGrant.count({ where: { source: "environment", effectiveUntil: null } })).toBe(1);
    await applyBootstrapRoles({ prisma, clock, people }, [{ ...listed[0]!, ids: ["UNEWOWNER"] }]);
    const ended = await prisma.roleGrant.findFirstOrThrow({ where: { source: "environment", NOT: { effectiveUntil: null } } });
    expect(ended.endReason).toBe("no longer listed in AIMS_OWNERS");
    expect(await roles.has(OWNER, "owner")).toBe(false);
    expect(await roles.has({ channel: "slack", id: "UNEWOWNER" }, "owner")).toBe(true);
  });

  it("refuses to revoke the last AIMS owner", async () => {
    await applyBootstrapRoles({ prisma, clock, people }, []);
    const [last] = await prisma.roleGrant.findMany({ where: { role: "owner", effectiveUntil: null } });
    expect(last?.source).toBe("direct");
    const refused = await roles.revoke(ALICE_TEAMS, last!.id, "stepping down");
    expect(refused).toEqual({ kind: "invalid", errors: { grant: "This is the last AIMS owner: grant the role to someone else first." } });
    expect(await roles.has(ALICE_SLACK, "owner")).toBe(true);
  });

  it("audits every change to people and roles in the verifiable chain", async () => {
    await sealPending(prisma);
    const actions = (await prisma.auditEvent.findMany({ where: { entityType: { in: ["role_grant", "chat_identity"] } }, select: { action: true } })).map((event) => event.action);
    expect(new Set(actions)).toEqual(new Set(["role.granted", "role.revoked", "role.group_bound", "person.linked", "person.unlinked", "person.deactivated"]));
    expect((await verifyAuditChain(prisma)).ok).toBe(true);
  });
});
