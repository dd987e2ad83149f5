import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/config.js";
import type { Actor } from "../../src/core/actor.js";
import { fixedClock } from "../../src/core/clock.js";
import { EventBus } from "../../src/core/events.js";
import type { Prisma } from "../../src/db/database.js";
import { ConcernService } from "../../src/features/concerns/concern-service.js";
import { IncidentService } from "../../src/features/incidents/incident-service.js";
import { ImprovementService } from "../../src/features/nonconformities/improvement-service.js";
import { NonconformityService } from "../../src/features/nonconformities/nonconformity-service.js";
import { nonconformitiesOwnedBy } from "../../src/features/organisation/person-records.js";
import { PeopleNames } from "../../src/features/people/people-names.js";
import { addRiskFollowUps } from "../../src/features/scheduler/risk-follow-ups.js";
import { createScheduling, type Scheduling } from "../../src/features/scheduler/scheduling-core.js";
import { createLogger } from "../../src/log/logger.js";
import { rolesInDatabase } from "../support/roles.js";
import { RecordingTransport } from "./replica.js";
import { openSchedulingDatabase, type SchedulingDatabase } from "./scheduling-database.js";

const AIMS_OWNER = "UAIMSOWNER";
const TRIAGER = "UTRIAGER1";
const clock = fixedClock(new Date("2027-01-04T10:00:00Z")); // a Monday
const quietLogger = createLogger("warn", new Writable({ write: (_chunk, _encoding, done) => done() }));
let db: SchedulingDatabase;
let prisma: Prisma;
let scheduling: Scheduling;
let incidents: IncidentService;
let ncs: NonconformityService;
let improvements: ImprovementService;
let concerns: ConcernService;
const transport = new RecordingTransport("replica");

beforeAll(async () => {
  db = await openSchedulingDatabase();
  prisma = db.replicaClient();
  const config = loadConfig({ AIMS_OWNERS: AIMS_OWNER, AIMS_TRIAGERS: TRIAGER, AIMS_WORKING_HOURS: "09:00-17:00", SLACK_MANAGERS_CHANNEL: "" });
  const roles = await rolesInDatabase(prisma, clock, { owner: { slack: [AIMS_OWNER] }, triager: { slack: [TRIAGER] } });
  const events = new EventBus(prisma, quietLogger);
  const people = new PeopleNames(prisma);
  incidents = new IncidentService({ prisma, clock, roles, events });
  ncs = new NonconformityService({ prisma, clock, roles, events, people });
  improvements = new ImprovementService({ prisma, clock, roles, events, people });
  concerns = new ConcernService({ prisma, clock, roles, events, settings: config.concerns });
  scheduling = createScheduling({ prisma, clock, roles, events, config, logger: quietLogger, instanceId: "replica" });
  addRiskFollowUps(scheduling, { roles, incidents, nonconformities: ncs });
  scheduling.scheduler.setTransport("slack", transport);
});
afterAll(async () => {
  await db?.close();
});

const slack = (id: string, name?: string): Actor => ({ channel: "slack", id, ...(name ? { name } : {}) });
const inDays = (days: number) => new Date(clock.now().getTime() + days * 86400_000).toISOString().slice(0, 10);
const reminderKey = (source: string, itemId: string, dueAt: Date) => `${source}|${itemId}|${dueAt.toISOString()}`;

describe(`nonconformities and corrective actions (${process.env.DATABASE_URL ? "PostgreSQL" : "embedded"})`, () => {
  it("raises one by hand, reminds action owners, schedules the check after the last action and closes only when effective", async () => {
    const raised = await ncs.raise(slack("URAISER01"), { description: "Model cards are missing for two systems." }, slack("UNCOWNER1"), { kind: "manual" }, "nc-1");
    if (raised.kind !== "raised") throw new Error(JSON.stringify(raised));
    const reference = raised.nonconformity.reference;
    expect(raised.nonconformity).toMatchObject({ reference: "NC-0001", status: "open", sourceKind: "manual", ownerId: "UNCOWNER1", controls: ["10.2"] });
    const again = await ncs.raise(slack("URAISER01"), { description: "Model cards are missing for two systems." }, slack("UNCOWNER1"), { kind: "manual" }, "nc-1");
    expect(again).toMatchObject({ kind: "raised", nonconformity: { reference } });

    expect(await ncs.recordAnalysis(slack("URAISER01"), reference, { rootCause: "No template" })).toMatchObject({ kind: "forbidden" });
    expect(await ncs.addAction(slack("UNCOWNER1"), reference, { description: "Write the cards", dueDate: inDays(-1) }, slack("UACTOWN01"))).toMatchObject({
      kind: "invalid",
      errors: { dueDate: "The due date cannot be in the past" },
    });
    const first = await ncs.addAction(slack("UNCOWNER1"), reference, { description: "Write the two model cards", dueDate: inDays(7) }, slack("UACTOWN01"));
    const second = await ncs.addAction(slack(AIMS_OWNER), reference, { description: "Add a model card template", dueDate: inDays(14) }, slack("UACTOWN02"));
    if (first.kind !== "added" || second.kind !== "added") throw new Error(JSON.stringify([first, second]));
    expect(first.action).toMatchObject({ nonconformityId: raised.nonconformity.id, incidentId: null, ownerId: "UACTOWN01", controls: ["10.1", "10.2"] });

    const firstItem = await scheduling.reminders.find(reminderKey("corrective-action", `${reference}/CA-${first.action.id}`, first.action.dueDate));
    expect(firstItem).toMatchObject({ title: `Corrective action for ${reference}: Write the two model cards`, owner: { id: "UACTOWN01" } });

    expect(await ncs.recordCheck(slack("UNCOWNER1"), reference, { outcome: "effective", note: "All good now" })).toMatchObject({ kind: "refused" });
    expect(await ncs.markActionDone(slack("USTRANGER"), first.action.id)).toMatchObject({ kind: "forbidden" });
    expect(await ncs.markActionDone(slack("UACTOWN01"), first.action.id)).toMatchObject({ kind: "updated", nonconformity: { status: "open" } });
    const occurrence = await prisma.dueItemOccurrence.findFirstOrThrow({ where: { itemId: `${reference}/CA-${first.action.id}` } });
    expect(occurrence).toMatchObject({ completedById: "UACTOWN01", evidenceNote: "Corrective action done" });

    // The last action, done through its reminder: the check is scheduled 30 days on.
    const secondKey = reminderKey("corrective-action", `${reference}/CA-${second.action.id}`, second.action.dueDate);
    expect(await scheduling.reminders.find(secondKey)).toBeTruthy();
    expect(await scheduling.reminders.complete(slack("UACTOWN02"), secondKey, { note: "Template added" })).toMatchObject({ kind: "done" });
    const checking = (await ncs.details(reference))!;
    expect(checking).toMatchObject({ status: "checking", checkDueAt: new Date("2027-02-03T00:00:00Z") });
    const checkItem = await scheduling.reminders.find(reminderKey("nc-effectiveness-check", reference, checking.checkDueAt!));
    expect(checkItem).toMatchObject({ title: `Effectiveness check of ${reference}: Model cards are missing for two systems.`, owner: { id: "UNCOWNER1" } });

    expect(await ncs.recordCheck(slack("UNCOWNER1"), reference, { outcome: "effective", note: "Cards exist for every system" })).toMatchObject({
      kind: "invalid",
      errors: { outcome: `Record the root cause of ${reference} before closing it` },
    });
    expect(await ncs.recordAnalysis(slack("UNCOWNER1"), reference, { reaction: "Cards drafted by hand", rootCause: "No model card template" })).toMatchObject({ kind: "changed" });
    expect(await ncs.recordCheck(slack("UNCOWNER1"), reference, { outcome: "ineffective", note: "A third system still lacks a card" })).toMatchObject({
      kind: "changed",
      nonconformity: { status: "open", checkDueAt: null },
    });
    const third = await ncs.addAction(slack("UNCOWNER1"), reference, { description: "Card for the third system", dueDate: inDays(3) }, slack("UACTOWN01"));
    if (third.kind !== "added") throw new Error(JSON.stringify(third));
    await ncs.markActionDone(slack("UACTOWN01"), third.action.id);
    expect(await ncs.recordCheck(slack(AIMS_OWNER), reference, { outcome: "effective", note: "Every system has a card" })).toMatchObject({
      kind: "changed",
      nonconformity: { status: "closed", closedAt: clock.now() },
    });
    expect((await ncs.details(reference))!.checks.map((check) => check.effective)).toEqual([false, true]);
    expect(await ncs.addAction(slack("UNCOWNER1"), reference, { description: "One more", dueDate: inDays(3) }, slack("UACTOWN01"))).toMatchObject({ kind: "refused" });

    const audit = await prisma.auditEvent.findMany({ where: { entityId: { in: [reference, String(first.action.id)] } }, orderBy: { id: "asc" } });
    expect(audit.map((event) => event.action)).toEqual(
      expect.arrayContaining(["nonconformity.raised", "nonconformity.corrective_action_added", "corrective_action.done", "nonconformity.check_scheduled", "nonconformity.reopened", "nonconformity.closed"]),
    );
  });

  it("takes on an incident's corrective actions when raised from the incident, and keeps the incident's reminders", async () => {
    const reported = await incidents.report(
      slack("UREPORTER1"),
      { title: "Wrong answers", aiSystemOther: "Chatbot", description: "The chatbot gave wrong answers.", detectedAt: clock.now().toISOString(), severity: "sev4", harmedParties: ["organisation"], containment: "Answers switched off", externalReporting: [] },
      "incident-nc-1",
    );
    if (!reported.ok) throw new Error(JSON.stringify(reported.errors));
    const incidentRef = reported.incident.reference;
    const added = await incidents.addCorrectiveAction(slack("UREPORTER1"), incidentRef, { description: "Fix the prompt", ownerId: "UACTOWN01", dueDate: inDays(5) });
    if (added.kind !== "added") throw new Error(JSON.stringify(added));

    expect(await ncs.raise(slack("USTRANGER"), { description: "Wrong answers again" }, slack("UNCOWNER1"), { kind: "incident", reference: incidentRef }, "nc-2")).toMatchObject({ kind: "forbidden" });
    expect(await ncs.sourceDraft({ kind: "incident", reference: incidentRef })).toEqual({ description: "Wrong answers: The chatbot gave wrong answers.", reaction: "Answers switched off" });
    const raised = await ncs.raise(slack("UREPORTER1"), { description: "Wrong answers again" }, slack("UNCOWNER1"), { kind: "incident", reference: incidentRef }, "nc-3");
    if (raised.kind !== "raised") throw new Error(JSON.stringify(raised));
    expect(raised.nonconformity).toMatchObject({ sourceKind: "incident", sourceRef: incidentRef });
    const details = (await ncs.details(raised.nonconformity.reference))!;
    expect(details.correctiveActions).toEqual([expect.objectContaining({ id: added.action.id, incidentId: reported.incident.id, nonconformityId: raised.nonconformity.id })]);

    // The reminder keeps the incident's item id and says which nonconformity took it on.
    const key = reminderKey("corrective-action", `${incidentRef}/CA-${added.action.id}`, added.action.dueDate);
    expect((await scheduling.reminders.find(key))!.title).toBe(`Corrective action for ${incidentRef} (${raised.nonconformity.reference}): Fix the prompt`);
    expect(await scheduling.reminders.complete(slack("UACTOWN01"), key, { note: "Prompt fixed" })).toMatchObject({ kind: "done" });
    expect(await ncs.details(raised.nonconformity.reference)).toMatchObject({ status: "checking" });
    expect((await incidents.details(incidentRef))!.correctiveActions).toEqual([expect.objectContaining({ status: "done" })]);

    // What the owner holds (`/aims me`, and the AIMS owners' report when the account is deactivated): NC-0001 is closed.
    const owned = (open: boolean) => nonconformitiesOwnedBy(prisma, [{ channel: "slack", id: "UNCOWNER1" }], open).then((found) => found.items.map((item) => item.reference));
    expect(await owned(false)).toEqual(["NC-0001", raised.nonconformity.reference]);
    expect(await owned(true)).toEqual([raised.nonconformity.reference]);
  });

  it("keeps an improvement log with statuses changed by whoever recorded one and the AIMS owners", async () => {
    const recorded = await improvements.record(slack("UEMPLOYEE"), { title: "Share model cards in the register", description: "People look there first." }, "imp-1");
    if (recorded.kind !== "recorded") throw new Error(JSON.stringify(recorded));
    expect(recorded.improvement).toMatchObject({ reference: "IMP-0001", status: "open", sourceKind: "manual", controls: ["10.1"] });
    expect(await improvements.record(slack("UEMPLOYEE"), { title: "x", description: "" }, "imp-2")).toMatchObject({ kind: "invalid" });
    expect(await improvements.record(slack("UEMPLOYEE"), { title: "From the nonconformity", description: "Learned from it." }, "imp-3", "NC-0001")).toMatchObject({ kind: "forbidden" });
    expect(await improvements.record(slack("UNCOWNER1"), { title: "From the nonconformity", description: "Learned from it." }, "imp-4", "NC-0001")).toMatchObject({
      kind: "recorded",
      improvement: { sourceKind: "nonconformity", reference: "IMP-0002" },
    });
    expect(await improvements.setStatus(slack("USTRANGER"), "IMP-0001", { status: "planned" })).toMatchObject({ kind: "forbidden" });
    expect(await improvements.setStatus(slack(AIMS_OWNER), "IMP-0001", { status: "planned", note: "Next quarter" })).toMatchObject({
      kind: "recorded",
      improvement: { status: "planned", statusNote: "Next quarter" },
    });
    expect(await improvements.setStatus(slack("UEMPLOYEE"), "IMP-0001", { status: "planned" })).toMatchObject({ kind: "invalid" });
  });

  it("raises one from a concern only for the triagers and AIMS owners, and keeps where it came from", async () => {
    const filed = await concerns.submit(slack("UREPORTER9"), { description: "The screening model rejects older applicants.", category: "bias" }, { submissionKey: "concern-nc" });
    if (!filed.ok) throw new Error(JSON.stringify(filed.errors));
    const source = { kind: "concern" as const, reference: filed.concern.reference };
    expect(await ncs.sourceRefusal(slack("UREPORTER9"), source)).toBe("Only the concern triagers and the AIMS owners can raise a nonconformity from a concern.");
    expect(await ncs.sourceRefusal(slack(TRIAGER), { kind: "concern", reference: "CON-9999" })).toBe("There is no concern CON-9999.");
    const raised = await ncs.raise(slack(TRIAGER), { description: "Screening bias against older applicants" }, slack(AIMS_OWNER), source, "nc-concern");
    expect(raised).toMatchObject({ kind: "raised", nonconformity: { sourceKind: "concern", sourceRef: filed.concern.reference, ownerId: AIMS_OWNER } });
    // An internal audit's finding raises one the same way (the audit programme names the finding).
    const fromAudit = await ncs.raise(slack(AIMS_OWNER), { description: "Impact assessments are not reviewed yearly" }, slack(AIMS_OWNER), { kind: "audit_finding", reference: "AUD-0001/3" }, "nc-audit");
    expect(fromAudit).toMatchObject({ kind: "raised", nonconformity: { sourceKind: "audit_finding", sourceRef: "AUD-0001/3" } });
  });
});
