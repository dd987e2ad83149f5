import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../src/core/clock.js";
import { rolesInDatabase } from "../support/roles.js";
import { verifyAuditChain } from "../../src/features/audit-trail/verify-chain.js";
import { SoaService } from "../../src/features/soa/soa-service.js";
import { openMigratedDatabase, type MigratedDatabase } from "./support/migrated-database.js";

const OWNER = { channel: "slack" as const, id: "UOWNER1", name: "Olive Owner" };
const STAFF = { channel: "slack" as const, id: "USTAFF1" };

let db: MigratedDatabase;
let soa: SoaService;
const clock = fixedClock(new Date("2026-12-01T09:00:00.000Z"));

beforeAll(async () => {
  db = await openMigratedDatabase();
  soa = new SoaService({
    prisma: db.database.prisma,
    clock,
    roles: await rolesInDatabase(db.database.prisma, clock, { owner: { slack: [OWNER.id] } }),
  });
});
afterAll(async () => {
  await db?.close();
});

describe("Statement of Applicability", () => {
  it("is empty until the AIMS owner sets the organisation's roles, which only the owner may do", async () => {
    expect(await soa.statement()).toEqual({ profile: null, lines: [], clauses: [] });
    expect(await soa.setOrganisationRoles(STAFF, ["ai_user"])).toMatchObject({ kind: "forbidden" });
    expect(await soa.setOrganisationRoles(OWNER, [])).toMatchObject({ kind: "invalid" });
    expect(await soa.setOrganisationRoles(OWNER, ["ai_user", "astronaut"])).toMatchObject({ kind: "invalid" });
    expect(await db.database.prisma.soaEntry.count()).toBe(0);
  });

  it("seeds one line per control from the defaults of an AI user: development controls are not applicable", async () => {
    const result = await soa.setOrganisationRoles(OWNER, ["ai_user"]);
    expect(result).toMatchObject({ kind: "saved", profile: { roles: ["ai_user"], version: 1 }, reproposed: [], needsReview: [] });

    const { lines } = await soa.statement();
    expect(lines).toHaveLength(38);
    const byId = new Map(lines.map((line) => [line.controlId, line]));
    expect(byId.get("A.6.2.3")).toMatchObject({ applicable: false, proposed: true, version: 1, implementation: null });
    expect(byId.get("A.6.1.2")).toMatchObject({ applicable: false });
    expect(byId.get("A.7.2")).toMatchObject({ applicable: false });
    expect(byId.get("A.9.2")).toMatchObject({ applicable: true, implementation: expect.any(String) });
    for (const line of lines.filter((l) => !l.applicable)) expect(line.justification.length).toBeGreaterThan(10);
    expect(lines.map((line) => line.controlId).slice(0, 3)).toEqual(["A.2.2", "A.2.3", "A.2.4"]);
  });

  it("re-proposes unreviewed lines when the roles change, keeps reviewed ones and flags those that now differ", async () => {
    const a623 = (await soa.line("A.6.2.3"))!;
    expect(
      await soa.updateEntry(OWNER, "A.6.2.3", { applicable: false, justification: "We only use SaaS tools; nothing is developed here." }, a623.version),
    ).toMatchObject({ kind: "saved", line: { proposed: false, version: 2 } });

    clock.advance(60_000);
    const result = await soa.setOrganisationRoles(OWNER, ["ai_user", "ai_producer"]);
    if (result.kind !== "saved") throw new Error(result.kind);
    expect(result.profile).toMatchObject({ roles: ["ai_user", "ai_producer"], version: 2 });
    expect(result.needsReview).toEqual(["A.6.2.3"]);
    expect(result.reproposed).toEqual(expect.arrayContaining(["A.6.1.2", "A.7.2"]));

    expect(await soa.line("A.7.2")).toMatchObject({ applicable: true, proposed: true, version: 2 });
    expect(await soa.line("A.6.2.3")).toMatchObject({ applicable: false, proposed: false, version: 2 });
  });

  it("requires a justification to mark a control not applicable, and only the owner may edit", async () => {
    const line = (await soa.line("A.9.3"))!;
    expect(await soa.updateEntry(OWNER, "A.9.3", { applicable: false, justification: " " }, line.version)).toEqual({
      kind: "invalid",
      errors: { justification: expect.stringContaining("not applicable") },
    });
    expect(await soa.updateEntry(STAFF, "A.9.3", { applicable: true }, line.version)).toMatchObject({ kind: "forbidden" });
    expect(await soa.updateEntry(OWNER, "A.99", { applicable: true }, 1)).toMatchObject({ kind: "not_found" });
    expect(await soa.line("A.9.3")).toMatchObject({ version: line.version, applicable: line.applicable });
  });

  it("keeps every version (who, when, what) and refuses an edit made on a stale version", async () => {
    const line = (await soa.line("A.9.3"))!;
    clock.set(new Date("2026-12-02T10:00:00.000Z"));
    const edit = { applicable: true, justification: "Staff use AI tools daily.", implementation: "Usage guidance in the AI policy", owner: "Head of IT" };
    expect(await soa.updateEntry(OWNER, "A.9.3", edit, line.version)).toMatchObject({ kind: "saved", line: { owner: "Head of IT" } });
    expect(await soa.updateEntry(OWNER, "A.9.3", { ...edit, owner: "Someone else" }, line.version)).toMatchObject({ kind: "conflict" });

    const history = await soa.history("A.9.3");
    expect(history.map((v) => [v.version, v.proposed, v.change])).toEqual([
      [1, true, "Proposed for the organisation's roles: AI user"],
      [2, true, "Proposed for the organisation's roles: AI user, AI producer"],
      [3, false, "Reviewed by the AIMS owner"],
    ]);
    expect(history[2]).toMatchObject({ owner: "Head of IT", changedById: OWNER.id, changedAt: new Date("2026-12-02T10:00:00.000Z") });

    const audit = await db.database.prisma.auditEvent.findMany({ where: { entityType: "soa_entry", entityId: "A.9.3" } });
    expect(audit.map((e) => e.action)).toEqual(["soa.entry_changed"]);
    expect(audit[0]).toMatchObject({ actorId: OWNER.id, before: expect.objectContaining({ proposed: true, version: 2 }), after: expect.objectContaining({ owner: "Head of IT", version: 3 }) });
    const proposals = await db.database.prisma.auditEvent.findMany({ where: { action: "soa.entries_proposed" }, orderBy: { id: "asc" } });
    expect(proposals).toHaveLength(2);
    expect((proposals[0].after as { entries: unknown[] }).entries).toHaveLength(38);
    expect((proposals[1].after as { entries: unknown[] }).entries).toContainEqual({ controlId: "A.9.3", version: 2, applicable: true });
    expect(await verifyAuditChain(db.database.prisma)).toMatchObject({ ok: true });
  });

  it("counts the SoA's own versions as evidence for the controls the SoA documents", async () => {
    const line = (await soa.line("A.6.2.3"))!;
    expect(line.evidenceCount).toBe(2);
    expect((await soa.line("A.9.3"))!.evidenceCount).toBe(0);
  });
});
