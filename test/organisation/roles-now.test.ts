import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../src/core/clock.js";
import type { Prisma } from "../../src/db/database.js";
import { rolesView } from "../../src/features/organisation/conversation/roles-views.js";
import { knownAccounts, linkedAccounts } from "../../src/features/organisation/known-accounts.js";
import type { PeopleDirectory } from "../../src/features/organisation/people-directory.js";
import type { RoleService } from "../../src/features/organisation/role-service.js";
import { rolesNow } from "../../src/features/organisation/roles-now.js";
import { PeopleNames } from "../../src/features/people/people-names.js";
import { openMigratedDatabase, type MigratedDatabase } from "../evidence/support/migrated-database.js";
import { organisationIn } from "../support/roles.js";

const DAY = 24 * 60 * 60 * 1000;
const clock = fixedClock(new Date("2027-02-01T09:00:00.000Z"));
const OWNER = { channel: "slack" as const, id: "UOWNER1", name: "Olive" };

let db: MigratedDatabase;
let prisma: Prisma;
let people: PeopleDirectory;
let roles: RoleService;
let names: PeopleNames;

beforeAll(async () => {
  db = await openMigratedDatabase();
  prisma = db.database.prisma;
  ({ people, roles } = await organisationIn(prisma, clock, { owner: { slack: [OWNER.id] } }));
  names = new PeopleNames(prisma);
  await people.observe({ channel: "slack", id: OWNER.id, name: "Olive Owner" });
});
afterAll(async () => {
  await db?.close();
});

describe("who holds which role now, and why", () => {
  it("names each holding's source: the bootstrap variable, a grant with its granter and end, a group with its members", async () => {
    await people.observe({ channel: "slack", id: "UADA", name: "Ada" });
    expect((await roles.grant(OWNER, { role: "approver", person: { channel: "slack", id: "UADA" }, reason: "March rota", until: "2027-03-31" })).kind).toBe("ok");
    const group = { channel: "slack" as const, externalId: "SREVIEW", name: "AI reviewers" };
    expect((await roles.bindGroup(OWNER, { role: "triager", reason: "Reviewers triage" }, group)).kind).toBe("ok");
    const stored = await prisma.directoryGroup.findUniqueOrThrow({ where: { channel_externalId: { channel: "slack", externalId: "SREVIEW" } } });
    await prisma.groupMembership.createMany({
      data: [
        { groupId: stored.id, channel: "slack", externalId: "UCAROL", since: clock.now() },
        { groupId: stored.id, channel: "slack", externalId: "ULEFT", since: new Date(clock.now().getTime() - 9 * DAY), until: new Date(clock.now().getTime() - DAY) },
      ],
    });
    await people.observe({ channel: "slack", id: "UCAROL", name: "Carol" });

    const now = await rolesNow(prisma, names, clock.now());
    const held = Object.fromEntries(now.map(({ role, holdings }) => [role, holdings]));
    expect(held.owner).toMatchObject([{ source: "environment", variable: "AIMS_OWNERS", accounts: [{ id: OWNER.id, name: "Olive Owner" }] }]);
    expect(held.approver).toMatchObject([{ source: "direct", reason: "March rota", until: new Date("2027-03-31T00:00:00Z"), grantedBy: { id: OWNER.id, name: "Olive Owner" } }]);
    expect(held.triager).toMatchObject([{ source: "group", group: { name: "AI reviewers" }, members: [{ id: "UCAROL", name: "Carol" }] }]);
    expect(held.manager).toEqual([]);

    const text = JSON.stringify(rolesView(now, { canChange: false, roomy: true }));
    expect(text).toContain("from AIMS_OWNERS (bootstrap)");
    expect(text).toContain("granted by Olive Owner on 2027-02-01: March rota");
    expect(text).toContain("until 2027-03-31");
    expect(text).toContain("**Carol** · member of AI reviewers");
    expect(text).not.toContain("ULEFT");
  });

  it("offers the other chat's known accounts to link, and the linked ones to unlink", async () => {
    await people.observe({ channel: "teams", id: "aad-ada", name: "Ada L." });
    await people.observe({ channel: "teams", id: "aad-gone", name: "Gone", deactivated: { reason: "removed from the team" } });
    expect((await knownAccounts(prisma, "teams")).map((account) => account.id)).toEqual(["aad-ada"]);
    expect(await linkedAccounts(prisma)).toEqual([]);
    await people.link(OWNER, { channel: "slack", id: "UADA" }, { channel: "teams", id: "aad-ada" }, "Ada's two accounts");
    expect((await linkedAccounts(prisma)).map((accounts) => accounts.map((account) => account.id))).toEqual([["UADA", "aad-ada"]]);
  });
});
