import { mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { unzipSync, strFromU8 } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordAudit } from "../../src/core/audit.js";
import { fixedClock } from "../../src/core/clock.js";
import { EventBus } from "../../src/core/events.js";
import { controlsForRecordType } from "../../src/core/iso42001/controls.js";
import type { RoleService } from "../../src/features/organisation/role-service.js";
import { rolesInDatabase } from "../support/roles.js";
import { CONCERN_CONTROLS } from "../../src/features/concerns/controls.js";
import { AuditPackService } from "../../src/features/evidence/audit-pack-service.js";
import { listFiles } from "../../src/features/evidence/audit-pack/zip-folder.js";
import { writeAuditPack } from "../../src/features/evidence/audit-pack/write-audit-pack.js";
import { EVIDENCE_SOURCES } from "../../src/features/evidence/sources/index.js";
import { roleGrants } from "../../src/features/evidence/sources/roles.js";
import { readEvidenceRecords } from "../../src/features/evidence/evidence-query.js";
import { INCIDENT_CONTROLS } from "../../src/features/incidents/controls.js";
import { ImprovementService } from "../../src/features/nonconformities/improvement-service.js";
import { NonconformityService } from "../../src/features/nonconformities/nonconformity-service.js";
import { PeopleNames } from "../../src/features/people/people-names.js";
import { DECISION_CONTROLS, REGISTER_CONTROLS, REQUEST_CONTROLS } from "../../src/features/requests/controls.js";
import { RequestService } from "../../src/features/requests/request-service.js";
import { SoaService } from "../../src/features/soa/soa-service.js";
import { createLogger } from "../../src/log/logger.js";
import { VALID_REQUEST } from "../support/request-form-state.js";
import { openMigratedDatabase, type MigratedDatabase } from "./support/migrated-database.js";
import { runCli } from "./support/run-cli.js";

const OWNER = { channel: "slack" as const, id: "UOWNER1", name: "Olive Owner" };
const APPROVER = { channel: "slack" as const, id: "UAPPROVER1", name: "Ada Approver" };
const EMPLOYEE = { channel: "slack" as const, id: "UEMPLOYEE1", name: "Eve Employee" };
const REPORTER = { channel: "slack" as const, id: "UREPORTER9", name: "Rita Reporter" };

let db: MigratedDatabase;
let outDir: string;
const clock = fixedClock(new Date("2026-12-01T09:00:00.000Z"));
let roles: RoleService;

beforeAll(async () => {
  db = await openMigratedDatabase();
  outDir = await mkdtemp(path.join(os.tmpdir(), "aims-pack-"));
  const { prisma } = db.database;
  roles = await rolesInDatabase(prisma, clock, { approver: { slack: [APPROVER.id] }, owner: { slack: [OWNER.id] } });
  await new SoaService({ prisma, clock, roles }).setOrganisationRoles(OWNER, ["ai_user"]);
  const requests = new RequestService({ prisma, clock, roles, events: new EventBus(prisma, createLogger("silent")), registerReviewMonths: 12 });
  const approved = await requests.submit(EMPLOYEE, VALID_REQUEST, "k1");
  const rejected = await requests.submit(EMPLOYEE, { ...VALID_REQUEST, toolName: "Shady Scraper" }, "k2");
  if (!approved.ok || !rejected.ok) throw new Error("seed requests failed");
  clock.advance(3_600_000);
  await requests.decide(APPROVER, approved.request.reference, 1, "approved");
  await requests.decide(APPROVER, rejected.request.reference, 1, "rejected", "Scrapes customer data");
  await seedConcernsAndIncident();
  await seedRoleChanges();
  await seedNonconformity();
});
afterAll(async () => {
  await db?.close();
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

/** Concerns and incidents as their features store them (their services are being built alongside). */
async function seedConcernsAndIncident() {
  const { prisma } = db.database;
  const day = new Date("2026-12-01T00:00:00.000Z");
  const deadlines = { receivedOn: day, acknowledgeBy: day, resolveBy: day };
  await prisma.$transaction(async (tx) => {
    const anonymous = await tx.concern.create({
      data: { reference: "CON-0001", anonymous: true, followUpCode: "CASE-SECRET-77", secretHash: "scrypt$hash", category: "bias", description: "Hiring bot rejects older applicants", status: "resolved", outcomeReason: "Model retrained", ...deadlines, controls: [...CONCERN_CONTROLS] },
    });
    await recordAudit(tx, clock, { actor: null, action: "concern.raised", entityType: "concern", entityId: anonymous.reference, after: { category: "bias" }, controls: CONCERN_CONTROLS });
    const named = await tx.concern.create({
      data: { reference: "CON-0002", anonymous: false, submissionKey: "kc2", reporterChannel: "slack", reporterId: REPORTER.id, reporterName: REPORTER.name, category: "privacy", description: "Rita Reporter saw a leak", quotedText: "hello", quotedAuthorId: "UQUOTED1", ...deadlines, controls: [...CONCERN_CONTROLS] },
    });
    await recordAudit(tx, clock, { actor: REPORTER, action: "concern.raised", entityType: "concern", entityId: named.reference, after: { category: "privacy" }, controls: CONCERN_CONTROLS });
    await tx.incident.create({
      data: { reference: "INC-0001", submissionKey: "ki1", title: "Chatbot gave wrong refund policy", affectedSystem: "Support bot", description: "Wrong answers", detectedAt: clock.now(), severity: "sev3", containment: "Disabled the FAQ intent", reporterChannel: "slack", reporterId: EMPLOYEE.id, controls: [...INCIDENT_CONTROLS] },
    });
  });
}

/** A grant revoked with a reason, and a role bound to a group with one member: the roles register's history. */
async function seedRoleChanges() {
  const { prisma } = db.database;
  const granted = await roles.grant(OWNER, { role: "approver", person: EMPLOYEE, reason: "Cover while Ada is away", until: "" });
  if (granted.kind !== "ok") throw new Error(JSON.stringify(granted));
  expect(await roles.revoke(OWNER, granted.grant.id, "Ada is back")).toMatchObject({ kind: "ok" });
  const bound = await roles.bindGroup(OWNER, { role: "triager", reason: "The ethics team triages concerns" }, { channel: "slack", externalId: "S0ETHICS", name: "ethics-team" });
  if (bound.kind !== "ok") throw new Error(JSON.stringify(bound));
  await prisma.groupMembership.create({ data: { groupId: bound.grant.groupId!, channel: "slack", externalId: "UTRIAGE7", since: clock.now() } });
}

/** A nonconformity with a corrective action and an improvement logged from it, through their services. */
async function seedNonconformity() {
  const { prisma } = db.database;
  const deps = { prisma, clock, roles, events: new EventBus(prisma, createLogger("silent")), people: new PeopleNames(prisma) };
  const raised = await new NonconformityService(deps).raise(OWNER, { description: "Impact assessments not reviewed yearly" }, OWNER, { kind: "manual" }, "nc-pack");
  if (raised.kind !== "raised") throw new Error(JSON.stringify(raised));
  const added = await new NonconformityService(deps).addAction(OWNER, raised.nonconformity.reference, { description: "Schedule yearly reviews", dueDate: "2026-12-20" }, EMPLOYEE);
  if (added.kind !== "added") throw new Error(JSON.stringify(added));
  const logged = await new ImprovementService(deps).record(OWNER, { title: "Review calendar", description: "One calendar for every review" }, "imp-pack", raised.nonconformity.reference);
  if (logged.kind !== "recorded") throw new Error(JSON.stringify(logged));
}

async function readPack(folder: string) {
  const files = await listFiles(folder);
  const contents = new Map<string, string>();
  for (const file of files) contents.set(file, await readFile(path.join(folder, file), "utf8"));
  return contents;
}

describe("audit pack", () => {
  let folder: string;
  let pack: Map<string, string>;
  let zipPath: string;

  beforeAll(async () => {
    const service = new AuditPackService({ prisma: db.database.prisma, clock, roles });
    expect(await service.exportFor(EMPLOYEE, { outDir })).toMatchObject({ kind: "forbidden" });
    const result = await service.exportFor(OWNER, { outDir });
    if (result.kind !== "exported") throw new Error(result.kind);
    folder = result.pack.folder;
    zipPath = result.pack.zipPath;
    pack = await readPack(folder);
  });

  it("holds the SoA, one CSV and JSON per record type, the evidence map, the chain head and a README", () => {
    expect([...pack.keys()]).toEqual(
      expect.arrayContaining([
        "README.md",
        "audit-chain.json",
        "evidence-by-control.csv",
        "soa/statement-of-applicability.csv",
        "soa/statement-of-applicability.md",
        ...EVIDENCE_SOURCES.flatMap((source) => [`records/${source.file}.csv`, `records/${source.file}.json`]),
      ]),
    );
    const soaCsv = pack.get("soa/statement-of-applicability.csv")!.trim().split("\r\n");
    expect(soaCsv).toHaveLength(39);
    expect(soaCsv.find((row) => row.startsWith("A.6.2.3,"))).toMatch(/,false,/);
    expect(pack.get("soa/statement-of-applicability.md")).toContain("## A.10 ");
  });

  it("maps every record present to each control it evidences", () => {
    const map = new Set(pack.get("evidence-by-control.csv")!.trim().split("\r\n").slice(1));
    const expectations: Array<[string, string, readonly string[]]> = [
      ["ai_tool_request", "REQ-0001", REQUEST_CONTROLS],
      ["approval_decision", "REQ-0002 rev 1", DECISION_CONTROLS],
      ["register_entry", "SYS-0001", REGISTER_CONTROLS],
      ["concern", "CON-0001", CONCERN_CONTROLS],
      ["incident", "INC-0001", INCIDENT_CONTROLS],
      ["soa_entry", "A.6.2.3 v1", ["A.6.2.3"]],
    ];
    for (const [type, reference, controls] of expectations) {
      for (const control of controls) expect(map, `${control} ${type} ${reference}`).toContain(`${control},${type},${reference}`);
    }
    const auditControls = controlsForRecordType("audit_event").map((control) => control.id);
    expect(map).toContain(`${auditControls[0]},audit_event,#1`);

    const readme = pack.get("README.md")!;
    const a92 = readme.slice(readme.indexOf("#### A.9.2 "), readme.indexOf("#### A.9.3 "));
    expect(a92).toContain("Applicable");
    expect(a92).toMatch(/AI tool requests: 2 \(REQ-0001, REQ-0002\)/);
    expect(a92).toMatch(/Approval decisions: 2/);
    expect(readme).toContain("#### Clause 10.2");
    const decisions = JSON.parse(pack.get("records/approval-decisions.json")!);
    expect(decisions).toEqual([
      expect.objectContaining({ request: "REQ-0001", outcome: "approved", deciderId: APPROVER.id }),
      expect.objectContaining({ request: "REQ-0002", outcome: "rejected", reason: "Scrapes customer data" }),
    ]);
  });

  it("lists nonconformities, their corrective actions and improvements as the evidence of clauses 10.1 and 10.2", () => {
    expect(JSON.parse(pack.get("records/nonconformities.json")!)).toEqual([expect.objectContaining({ reference: "NC-0001", sourceKind: "manual", status: "open", controls: ["10.2"] })]);
    expect(JSON.parse(pack.get("records/corrective-actions.json")!)).toEqual([expect.objectContaining({ incident: null, nonconformity: "NC-0001", description: "Schedule yearly reviews" })]);
    expect(JSON.parse(pack.get("records/improvements.json")!)).toEqual([expect.objectContaining({ reference: "IMP-0001", nonconformity: "NC-0001", status: "open", controls: ["10.1"] })]);
    const readme = pack.get("README.md")!;
    const clause101 = readme.slice(readme.indexOf("#### Clause 10.1"), readme.indexOf("#### Clause 10.2"));
    expect(clause101).toContain("Improvement opportunities: 1");
    expect(clause101).toContain("Corrective actions: 1");
    expect(readme.slice(readme.indexOf("#### Clause 10.2"))).toContain("Nonconformities: 1");
  });

  it("gives concerns as counts and outcomes only: no reporter identity anywhere in the pack or the zip", async () => {
    const concerns = pack.get("records/concerns.csv")!;
    expect(concerns.split("\r\n")[0]).toBe("reference,reference,anonymous,category,status,outcomeReason,receivedOn,acknowledgeBy,resolveBy,acknowledgedAt,closedAt,controls");
    expect(concerns).toContain("CON-0001,CON-0001,true,bias,resolved,Model retrained,2026-12-01");
    expect(pack.get("README.md")).toMatch(/\| Concerns raised \| 2 \| resolved: 1, received: 1 \|/);

    const zipped = unzipSync(new Uint8Array(await readFile(zipPath)));
    const everything = [...pack.values(), ...Object.values(zipped).map((bytes) => strFromU8(bytes))].join("\n");
    for (const secret of [REPORTER.id, REPORTER.name, "CASE-SECRET-77", "scrypt$hash", "UQUOTED1", "saw a leak"]) {
      expect(everything, secret).not.toContain(secret);
    }
    const auditRows = pack.get("records/audit-events.csv")!.split("\r\n").filter((row) => row.includes("concern.raised"));
    expect(auditRows).toHaveLength(2);
  });

  it("records the verified chain head, and the zip holds exactly the folder", async () => {
    const chain = JSON.parse(pack.get("audit-chain.json")!);
    const exported = await db.database.prisma.auditEvent.findFirstOrThrow({ where: { action: "evidence.exported" } });
    const headBefore = await db.database.prisma.auditEvent.findFirstOrThrow({ where: { id: { lt: exported.id } }, orderBy: { id: "desc" } });
    expect(chain).toMatchObject({ verified: true, head: { id: headBefore.id, hash: headBefore.hash }, eventCount: headBefore.id });
    expect(pack.get("README.md")).toContain(`npm run audit:verify -- --head ${headBefore.id}:${headBefore.hash}`);
    // Each exported event carries its place in the chain, so the chain can be followed in the pack.
    expect(pack.get("records/audit-events.csv")!.split("\r\n")[0]).toContain("sealSeq,prevHash,hash");
    expect(exported).toMatchObject({ actorId: OWNER.id, entityType: "audit_pack" });

    const zipped = unzipSync(new Uint8Array(await readFile(zipPath)));
    const name = path.basename(folder);
    expect(Object.keys(zipped).sort()).toEqual([...pack.keys()].map((file) => `${name}/${file}`).sort());
    expect(strFromU8(zipped[`${name}/README.md`])).toBe(pack.get("README.md"));
  });

  it("limits records to the period; the SoA and the audit chain are always whole", async () => {
    clock.advance(1000);
    const later = await writeAuditPack({
      prisma: db.database.prisma,
      outDir,
      period: { from: new Date("2026-12-01T09:30:00.000Z") },
      generatedAt: clock.now(),
      generatedBy: "a test",
    });
    const files = await readPack(later.folder);
    expect(JSON.parse(files.get("records/ai-tool-requests.json")!)).toEqual([]);
    expect(JSON.parse(files.get("records/approval-decisions.json")!)).toHaveLength(2);
    expect(files.get("soa/statement-of-applicability.csv")!.trim().split("\r\n")).toHaveLength(39);
    expect(JSON.parse(files.get("audit-chain.json")!)).toMatchObject({ verified: true });
  });

  it("carries the roles register with its history (5.3, A.3.2): who held which role, from when to until, granted and ended by whom and why", () => {
    const register = JSON.parse(pack.get("records/roles-register.json")!);
    expect(register).toContainEqual(
      expect.objectContaining({
        role: "approver",
        source: "direct",
        holder: `slack:${EMPLOYEE.id}`,
        effectiveFrom: "2026-12-01T10:00:00.000Z",
        effectiveUntil: "2026-12-01T10:00:00.000Z",
        grantedBy: `slack:${OWNER.id}`,
        reason: "Cover while Ada is away",
        endedBy: `slack:${OWNER.id}`,
        endReason: "Ada is back",
      }),
    );
    expect(register).toContainEqual(expect.objectContaining({ role: "owner", source: "environment", variable: "AIMS_OWNERS", holder: `slack:${OWNER.id}`, effectiveUntil: null }));
    expect(register).toContainEqual(expect.objectContaining({ role: "triager", source: "group", holder: "ethics-team (slack group S0ETHICS)", reason: "The ethics team triages concerns" }));
    expect(pack.get("records/roles-register.csv")!.split("\r\n")[0]).toBe(
      "reference,role,source,holder,variable,effectiveFrom,effectiveUntil,grantedBy,reason,endedBy,endReason",
    );
    expect(JSON.parse(pack.get("records/role-group-memberships.json")!)).toEqual([
      expect.objectContaining({ group: "ethics-team", groupId: "slack:S0ETHICS", roles: "triager", channel: "slack", externalId: "UTRIAGE7", until: null }),
    ]);
    const map = pack.get("evidence-by-control.csv")!;
    expect(map).toMatch(/A\.3\.2,role_assignment,approver grant /);
    expect(map).toContain("A.3.2,group_membership,ethics-team / slack:UTRIAGE7");
    expect(pack.get("README.md")).toMatch(/\| Roles register \(role grants\) \| 4 \| open-ended: 3, revoked: 1 \|/);
  });

  it("lists the roles register in time order, a batch at a time", async () => {
    const read = async (batchSize: number) => {
      const records = [];
      for await (const record of readEvidenceRecords(db.database.prisma, roleGrants, {}, batchSize)) records.push(record);
      return records.map((record) => `${record.values.effectiveFrom instanceof Date ? record.values.effectiveFrom.toISOString() : ""} ${record.id}`);
    };
    const whole = await read(1000);
    expect(whole).toHaveLength(await db.database.prisma.roleGrant.count());
    expect(whole).toEqual([...whole].sort());
    expect(await read(1)).toEqual(whole);
  });

  it("counts every role grant as evidence of A.3.2 in the SoA", async () => {
    const soa = new SoaService({ prisma: db.database.prisma, clock, roles });
    const before = (await soa.line("A.3.2"))!.evidenceCount;
    expect(await roles.grant(OWNER, { role: "manager", person: REPORTER, reason: "Leads the support team", until: "" })).toMatchObject({ kind: "ok" });
    expect((await soa.line("A.3.2"))!.evidenceCount).toBe(before + 1);
  });

  it("npm run export writes a pack from the command line, with progress, and refuses bad dates", async () => {
    const cliOut = path.join(outDir, "cli");
    const [bad, good] = await db.whileDisconnected(async () => [
      await runCli("export", ["--out", cliOut, "--from", "2026-02-30"], db.url),
      await runCli("export", ["--out", cliOut, "--from", "2026-11-01", "--to", "2026-12-31"], db.url),
    ]);
    expect(bad.code).toBe(64);
    expect(bad.stderr).toContain("--from 2026-02-30");
    expect(good.code, good.stderr).toBe(0);
    expect(good.stderr).toMatch(/AI tool requests: 2\/2 \(100%\)/);
    expect(good.stdout).toMatch(/Audit pack written: .*\.zip/);
    const [packFolder] = (await readdir(cliOut)).filter((name) => !name.endsWith(".zip"));
    const readme = await readFile(path.join(cliOut, packFolder, "README.md"), "utf8");
    expect(readme).toContain("Records covered: 2026-11-01 to 2026-12-31");
    expect(readme).toContain("an operator on the command line");
  }, 120_000);
});
