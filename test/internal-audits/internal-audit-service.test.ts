import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../src/core/clock.js";
import { EventBus } from "../../src/core/events.js";
import type { Prisma } from "../../src/db/database.js";
import { SCOPE_ITEMS, normaliseScope } from "../../src/features/internal-audits/audit-scope.js";
import { InternalAuditService } from "../../src/features/internal-audits/internal-audit-service.js";
import { internalAuditSource } from "../../src/features/internal-audits/internal-audit-source.js";
import { internalAuditsSection } from "../../src/features/digest/internal-audits-section.js";
import type { PeopleDirectory } from "../../src/features/organisation/people-directory.js";
import type { RoleService } from "../../src/features/organisation/role-service.js";
import { PeopleNames } from "../../src/features/people/people-names.js";
import { createLogger } from "../../src/log/logger.js";
import { writeAuditPack } from "../../src/features/evidence/audit-pack/write-audit-pack.js";
import { ErasureService } from "../../src/features/organisation/erasure.js";
import { openDuties } from "../../src/features/organisation/open-duties.js";
import { personalData } from "../../src/features/organisation/personal-data.js";
import { openDutiesReport, personalDataReport } from "../../src/features/organisation/personal-data-text.js";
import { openMigratedDatabase, type MigratedDatabase } from "../evidence/support/migrated-database.js";
import { organisationIn } from "../support/roles.js";

const DAY = 86400_000;
const clock = fixedClock(new Date("2027-02-01T09:00:00.000Z"));
const OWNER = { channel: "slack" as const, id: "UOWNER1" };
const ALICE_SLACK = { channel: "slack" as const, id: "UALICE" };
const ALICE_TEAMS = { channel: "teams" as const, id: "aad-alice" };
const BOB = { channel: "slack" as const, id: "UBOB" };

let db: MigratedDatabase;
let prisma: Prisma;
let directory: PeopleDirectory;
let roles: RoleService;
let audits: InternalAuditService;
let events: EventBus;
const recorded: unknown[] = [];

beforeAll(async () => {
  db = await openMigratedDatabase();
  prisma = db.database.prisma;
  ({ people: directory, roles } = await organisationIn(prisma, clock, { owner: { slack: [OWNER.id], teams: ["aad-owner"] } }));
  await directory.observe({ ...ALICE_SLACK, name: "Alice", verifiedEmail: "alice@example.com" });
  await directory.observe({ ...ALICE_TEAMS, name: "Alice", verifiedEmail: "alice@example.com" });
  events = new EventBus(prisma, createLogger("silent"));
  events.subscriber("test").on("audit.finding.recorded", (payload) => void recorded.push(payload));
  audits = new InternalAuditService({ prisma, clock, roles, events, people: new PeopleNames(prisma) });
  // Alice (through her Teams account) owns an AI system evidencing A.4.2 and A.4.3.
  await prisma.aiSystem.create({
    data: {
      reference: "SYS-0001", name: "Notes Bot", vendor: "Acme", purpose: "Notes", orgRole: "ai_user", riskTier: "low", ownerChannel: "teams", ownerId: ALICE_TEAMS.id,
      approvedAt: clock.now(), nextReviewAt: new Date(clock.now().getTime() + 365 * DAY), controls: ["A.4.2", "A.4.3"],
    },
  });
});
afterAll(async () => {
  await db?.close();
});

const plan = (by: typeof OWNER, auditorId: string, scope: string[], start = "2027-02-10", end = "2027-02-12") =>
  audits.plan(by, { title: "Q1 audit", auditorId, scope, plannedStart: start, plannedEnd: end });

describe("the audit scope", () => {
  it("offers clauses 4–10 and the 38 Annex A controls, and keeps a scope in catalogue order", () => {
    expect(SCOPE_ITEMS.filter((item) => item.kind === "control")).toHaveLength(38);
    expect(SCOPE_ITEMS[0]!.id).toBe("4.1");
    expect(normaliseScope(["A.6.2.4", "9.2", "A.2.2", "9.2", "Z.9"])).toEqual({ scope: ["9.2", "A.2.2", "A.6.2.4"], unknown: ["Z.9"] });
  });
});

describe("planning an audit", () => {
  it("is for AIMS owners and checks the form", async () => {
    expect(await plan(BOB, BOB.id, ["A.2.2"])).toEqual({ kind: "forbidden", message: "Only AIMS owners can plan internal audits." });
    const invalid = await audits.plan(OWNER, { title: "x", scope: ["A.99"], plannedStart: "2027-01-01", plannedEnd: "2026-12-01" });
    expect(invalid).toEqual({
      kind: "invalid",
      errors: {
        title: "Give the audit a name of at least 3 characters",
        auditorId: "Choose the auditor",
        scope: "Not a clause or Annex A control: A.99",
        plannedStart: "The audit cannot start in the past",
      },
    });
    const backwards = await plan(OWNER, BOB.id, ["A.2.2"], "2027-02-10", "2027-02-09");
    expect(backwards).toEqual({ kind: "invalid", errors: { plannedEnd: "The audit cannot end before it starts" } });
  });

  it("refuses an AIMS owner as auditor of the management-system clauses, and allows them Annex A controls", async () => {
    const refused = await plan(OWNER, OWNER.id, ["5.2", "A.2.2"]);
    expect(refused).toEqual({ kind: "invalid", errors: { auditorId: expect.stringContaining("cannot audit its clauses (5.2)") } });
    expect((await plan(OWNER, OWNER.id, ["A.2.2"])).kind).toBe("planned");
  });

  it("refuses the owner of a record in scope, comparing people across Slack and Teams", async () => {
    // Alice is picked by her Slack account; she owns SYS-0001 through her Teams account.
    const refused = await plan(OWNER, ALICE_SLACK.id, ["A.4.3", "A.2.2"]);
    expect(refused).toEqual({ kind: "invalid", errors: { auditorId: "The auditor owns the AI system SYS-0001 Notes Bot (A.4.3), so cannot audit it: nobody audits their own work." } });
    expect(await prisma.internalAudit.count({ where: { auditorId: ALICE_SLACK.id } })).toBe(0);
  });
});

describe("running an audit", () => {
  it("goes planned → in progress → reported, by its auditor only, once every item has a finding", async () => {
    const planned = await plan(OWNER, ALICE_SLACK.id, ["9.2", "A.2.2"]);
    if (planned.kind !== "planned") throw new Error(JSON.stringify(planned));
    const reference = planned.audit.reference;
    expect(reference).toMatch(/^AUD-\d{4}$/);

    expect((await audits.recordFinding(ALICE_SLACK, reference, "9.2", { kind: "conforming", note: "Programme exists" })).kind).toBe("refused");
    expect(await audits.start(BOB, reference)).toEqual({ kind: "refused", message: `Only the auditor of ${reference} can do that.` });
    // Her Teams account is the same auditor.
    expect((await audits.start(ALICE_TEAMS, reference)).kind).toBe("changed");
    expect((await audits.start(ALICE_SLACK, reference)).kind).toBe("refused");

    expect(await audits.recordFinding(ALICE_SLACK, reference, "9.2", { kind: "minor_nc", note: "ok", evidenceLinks: "ftp://x" })).toEqual({
      kind: "invalid",
      errors: { note: "Say what you found in a few words", evidenceLinks: "Each evidence link must be a full https:// link" },
    });
    expect((await audits.recordFinding(ALICE_SLACK, reference, "A.5.2", { kind: "conforming", note: "Fine here" })).kind).toBe("not_found");
    expect((await audits.recordFinding(BOB, reference, "9.2", { kind: "conforming", note: "Fine here" })).kind).toBe("forbidden");
    const nc = await audits.recordFinding(ALICE_SLACK, reference, "9.2", { kind: "minor_nc", note: "No audit criteria written", evidenceLinks: "https://wiki.example.com/audits\nhttps://wiki.example.com/plan" });
    if (nc.kind !== "recorded") throw new Error(JSON.stringify(nc));
    expect(nc.finding.evidenceLinks).toEqual(["https://wiki.example.com/audits", "https://wiki.example.com/plan"]);

    expect(await audits.report(ALICE_SLACK, reference)).toEqual({ kind: "refused", message: `${reference} cannot be reported yet: record a finding on A.2.2 first.` });
    expect((await audits.recordFinding(ALICE_TEAMS, reference, "A.2.2", { kind: "observation", note: "Policy is a draft" })).kind).toBe("recorded");
    expect((await audits.report(ALICE_SLACK, reference)).kind).toBe("changed");
    expect((await audits.recordFinding(ALICE_SLACK, reference, "A.2.2", { kind: "conforming", note: "Changed my mind" })).kind).toBe("refused");

    const actions = await prisma.auditEvent.findMany({ where: { entityId: { startsWith: reference } }, orderBy: { id: "asc" } });
    expect(actions.map((event) => [event.action, event.controls])).toEqual([
      ["internal_audit.planned", ["9.2"]],
      ["internal_audit.started", ["9.2"]],
      ["audit_finding.recorded", ["9.2"]],
      ["audit_finding.recorded", ["9.2"]],
      ["internal_audit.reported", ["9.2"]],
    ]);
    await events.deliverPending();
    expect(recorded).toEqual([{ findingId: nc.finding.id, auditReference: reference, item: "9.2", kind: "minor_nc", text: "No audit criteria written" }]);
  });

  it("lists the checklist with the evidence the bot holds per item", async () => {
    const planned = await plan(OWNER, BOB.id, ["A.4.2", "A.9.2"]);
    if (planned.kind !== "planned") throw new Error(JSON.stringify(planned));
    const checklist = await audits.checklist((await audits.details(planned.audit.reference))!);
    expect(checklist.map((line) => [line.item.id, line.evidence, line.finding])).toEqual([
      ["A.4.2", [{ title: "AI system register entries", count: 1 }], null],
      ["A.9.2", [], null],
    ]);
  });
});

describe("reminders and the digest", () => {
  it("reminds the auditor of the planned start; Mark done starts the audit, and only an independent auditor takes it over", async () => {
    const planned = await plan(OWNER, BOB.id, ["A.4.3"], "2027-03-01", "2027-03-02");
    if (planned.kind !== "planned") throw new Error(JSON.stringify(planned));
    const source = internalAuditSource(audits);
    const due = await source.listDue(prisma, new Date("2027-03-01T00:00:00.000Z"));
    const item = due.find((entry) => entry.itemId === planned.audit.reference)!;
    expect(item).toMatchObject({ owner: { channel: "slack", id: BOB.id }, dueAt: new Date("2027-03-01T00:00:00.000Z"), controls: ["9.2"] });

    const toAlice = await prisma.$transaction((tx) => source.reassign(tx, item, ALICE_TEAMS, BOB));
    expect(toAlice).toEqual({ refused: expect.stringContaining("owns the AI system SYS-0001") });
    expect(await prisma.$transaction((tx) => source.complete(tx, item, clock.now(), OWNER))).toEqual({ refused: `Only the auditor of ${planned.audit.reference} can do that.` });
    expect(await prisma.$transaction((tx) => source.complete(tx, item, clock.now(), BOB))).toBe(true);
    expect(await source.find(prisma, planned.audit.reference)).toBeNull();

    const metrics = await internalAuditsSection.collect(prisma, { from: new Date(clock.now().getTime() - 7 * DAY), to: clock.now(), waitingDays: 5 });
    expect(metrics).toContainEqual({ key: "audits.in_progress", label: expect.stringContaining(planned.audit.reference), value: 1 });
    expect(metrics.find((metric) => metric.key === "audits.next_in_days")).toMatchObject({ value: 9 });
  });
});

describe("the audit pack", () => {
  it("holds each audit's report, its findings as records, and lists them as evidence for clause 9.2", async () => {
    const outDir = await mkdtemp(path.join(os.tmpdir(), "aims-audits-pack-"));
    try {
      const pack = await writeAuditPack({ prisma, outDir, period: {}, generatedAt: clock.now(), generatedBy: "test" });
      const read = (file: string) => readFile(path.join(pack.folder, file), "utf8");
      const reported = await prisma.internalAudit.findFirstOrThrow({ where: { status: "reported" } });
      const report = await read(`internal-audits/${reported.reference}.md`);
      expect(report).toContain(`# Internal audit ${reported.reference}: Q1 audit`);
      expect(report).toContain("- Status: reported");
      expect(report).toContain("Minor nonconformity: 1, Major nonconformity: 0");
      expect(report).toContain("| 9.2 Internal audit | Minor nonconformity | No audit criteria written | https://wiki.example.com/audits<br>https://wiki.example.com/plan |");
      expect(report).toContain("| A.2.2 AI policy | Observation | Policy is a draft |");
      expect(await read("records/internal-audit-findings.csv")).toContain("minor_nc");
      expect(pack.recordCounts.find((source) => source.file === "internal-audits")?.count).toBe(await prisma.internalAudit.count());
      const readme = await read("README.md");
      expect(readme).toContain(`\`internal-audits/${reported.reference}.md\``);
      expect(readme).toMatch(/#### Clause 9\.2[\s\S]*Internal audits: \d+[\s\S]*Internal audit findings \(the audit reports\): 2/);
    } finally {
      await rm(outDir, { recursive: true, force: true });
    }
  });
});

describe("what the bot holds about an auditor", () => {
  it("lists their audits in /aims me, and the open ones among a leaver's duties", async () => {
    const bobs = await prisma.internalAudit.findMany({ where: { auditorId: BOB.id }, orderBy: { id: "desc" } });
    const data = await personalData({ prisma, clock, directory }, BOB);
    expect(data.audits.items.map((audit) => audit.reference)).toEqual(bobs.map((audit) => audit.reference));
    const mine = personalDataReport(data).sections.find((section) => section.title === "Internal audits you audit")!;
    expect(mine.lines.join("\n")).toContain(`${bobs[0]!.reference} Q1 audit (in progress, starts 2027-03-01)`);

    await directory.observe({ ...BOB, name: "Bob", deactivated: { reason: "deleted in Slack" } });
    const duties = (await openDuties({ prisma, clock }, BOB))!;
    const open = bobs.filter((audit) => audit.status !== "reported").map((audit) => audit.reference);
    expect(duties.audits.items.map((audit) => audit.reference)).toEqual(open);
    expect(openDutiesReport(duties).sections.map((section) => section.title)).toContain("Internal audits they are the auditor of");
  });
});

describe("erasing an auditor's personal data (GDPR Art. 17)", () => {
  it("keeps the audits and their evidence, and erases the auditor's id from their audit events", async () => {
    const audit = await prisma.internalAudit.findFirstOrThrow({ where: { auditorId: ALICE_SLACK.id } });
    const erased = await new ErasureService({ prisma, clock, roles }).erase(OWNER, { person: "slack:UALICE", reason: "ER-7", confirm: true });
    expect(erased.kind).toBe("erased");
    const planned = await prisma.auditEvent.findFirstOrThrow({ where: { action: "internal_audit.planned", entityId: audit.reference } });
    expect(JSON.stringify(planned.after)).not.toContain(ALICE_SLACK.id);
    expect(await prisma.internalAudit.findUniqueOrThrow({ where: { id: audit.id } })).toMatchObject({ status: "reported", auditorId: ALICE_SLACK.id });
  });
});
