import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/config.js";
import type { Actor } from "../../src/core/actor.js";
import { fixedClock } from "../../src/core/clock.js";
import { EventBus } from "../../src/core/events.js";
import type { Prisma } from "../../src/db/database.js";
import { type ManagementReviewService, nextReviewDay } from "../../src/features/management-reviews/management-review-service.js";
import { createScheduling, type Scheduling } from "../../src/features/scheduler/scheduling-core.js";
import { createLogger } from "../../src/log/logger.js";
import { rolesInDatabase } from "../support/roles.js";
import { RecordingTransport } from "../scheduling/replica.js";
import { openSchedulingDatabase, type SchedulingDatabase } from "../scheduling/scheduling-database.js";

const OWNER: Actor = { channel: "slack", id: "UAIMSOWNER", name: "Olive Owner" };
const MANAGER = "UMANAGER01";
const REVIEWER: Actor = { channel: "slack", id: "UREVIEWER1", name: "Rhea Reviewer" };
const STRANGER: Actor = { channel: "slack", id: "USTRANGER1" };
const TEAMS_MANAGER = "00000000-0000-4000-8000-0000000000m1";
const clock = fixedClock(new Date("2027-01-04T10:00:00Z")); // a Monday
const quietLogger = createLogger("warn", new Writable({ write: (_chunk, _encoding, done) => done() }));

let db: SchedulingDatabase;
let prisma: Prisma;
let scheduling: Scheduling;
let reviews: ManagementReviewService;
const transport = new RecordingTransport("replica");

beforeAll(async () => {
  db = await openSchedulingDatabase();
  prisma = db.replicaClient();
  const config = loadConfig({ AIMS_OWNERS: OWNER.id, AIMS_WORKING_HOURS: "09:00-17:00", AIMS_TIMEZONE: "Europe/London", SLACK_MANAGERS_CHANNEL: "" });
  const roles = await rolesInDatabase(prisma, clock, { owner: { slack: [OWNER.id] }, manager: { slack: [MANAGER], teams: [TEAMS_MANAGER] } });
  const events = new EventBus(prisma, quietLogger);
  scheduling = createScheduling({ prisma, clock, roles, events, config, logger: quietLogger, instanceId: "replica" });
  scheduling.scheduler.setTransport("slack", transport);
  reviews = scheduling.managementReviews;
});
afterAll(async () => {
  await db?.close();
});

const at = (iso: string) => new Date(iso);

async function seedIncident(reference: string, createdAt: Date, extra: Record<string, unknown> = {}) {
  await prisma.incident.create({
    data: {
      reference,
      submissionKey: reference,
      title: reference,
      affectedSystem: "Chatbot",
      description: "d",
      detectedAt: createdAt,
      severity: "sev3",
      containment: "c",
      reporterChannel: "slack",
      reporterId: "UREPORTER",
      controls: [],
      createdAt,
      ...extra,
    },
  });
}

describe(`management reviews (${process.env.DATABASE_URL ? "PostgreSQL" : "embedded"})`, () => {
  it("lets only AIMS owners schedule, and needs a day not in the past and at least one reviewer or a role", async () => {
    expect(await reviews.schedule(STRANGER, { title: "Q1 review", date: "2027-02-01" }, [REVIEWER])).toMatchObject({ kind: "forbidden" });
    const invalid = await reviews.schedule(OWNER, { title: "Q1 review", date: "2027-01-03" }, []);
    expect(invalid).toEqual({
      kind: "invalid",
      errors: { date: "The review cannot be in the past", reviewer1: "Name at least one reviewer, or choose a role whose holders review" },
    });
    expect(await prisma.managementReview.count()).toBe(0);
  });

  it("opens on its day with the 9.3.2 inputs from live data, sent once to each reviewer and role holder", async () => {
    const scheduled = await reviews.schedule(OWNER, { title: "Q1 review", date: "2027-01-11", reviewerRole: "manager" }, [REVIEWER, { ...REVIEWER }]);
    if (scheduled.kind !== "scheduled") throw new Error(JSON.stringify(scheduled));
    const review = scheduled.review;
    expect(review).toMatchObject({ reference: "MR-0001", status: "scheduled", scheduledAt: at("2027-01-11T09:00:00Z"), reviewerRole: "manager" });
    expect(review.reviewers).toEqual([{ channel: "slack", id: REVIEWER.id, name: REVIEWER.name }]);

    // This period is the 12 months before the day (no earlier review); the previous period the 12 before that.
    await seedIncident("INC-0001", at("2026-06-01T10:00:00Z"));
    await seedIncident("INC-0002", at("2026-09-01T10:00:00Z"), { severity: "sev1", status: "closed", closedAt: at("2026-09-10T10:00:00Z"), rootCause: "Prompt lacked the refund policy" });
    await seedIncident("INC-0003", at("2025-06-01T10:00:00Z"));
    await seedIncident("INC-0004", at("2025-07-01T10:00:00Z"));
    await seedIncident("INC-0005", at("2025-08-01T10:00:00Z"));
    const objective = (reference: string, currentValue: number | null, dueAt: string) =>
      prisma.objective.create({
        data: { reference, title: reference, target: "t", targetValue: 10, ownerChannel: "slack", ownerId: OWNER.id, dueAt: at(dueAt), nextCheckInAt: at(dueAt), currentValue, controls: [] },
      });
    await objective("OBJ-0001", 12, "2026-11-30T00:00:00Z");
    await objective("OBJ-0002", 4, "2026-12-15T00:00:00Z");
    await prisma.aiSystem.create({
      data: { reference: "SYS-0001", name: "Copilot", vendor: "v", purpose: "p", orgRole: "ai_user", riskTier: "low", ownerChannel: "slack", ownerId: OWNER.id, approvedAt: at("2026-10-01T00:00:00Z"), nextReviewAt: at("2027-10-01T00:00:00Z"), controls: [] },
    });

    clock.set(at("2027-01-11T08:59:00Z"));
    await scheduling.scheduler.tick();
    expect((await reviews.find("MR-0001"))?.status).toBe("scheduled");

    clock.set(at("2027-01-11T09:00:30Z"));
    await scheduling.scheduler.tick();
    await scheduling.scheduler.tick();
    const opened = (await reviews.details("MR-0001"))!;
    expect(opened).toMatchObject({ status: "open", openedAt: at("2027-01-11T09:00:30Z"), periodStart: at("2026-01-11T09:00:30Z") });
    const inputs = opened.inputs as { id: string; title: string; lines: string[] }[];
    expect(inputs.map((input) => input.id)).toEqual([
      "previous-actions",
      "context-changes",
      "corrective-actions",
      "objectives",
      "audit-results",
      "concerns-and-incidents",
      "register-and-risk",
      "improvement",
    ]);
    const linesOf = (id: string) => inputs.find((input) => input.id === id)!.lines;
    expect(linesOf("previous-actions")).toEqual(["No actions from previous management reviews."]);
    expect(linesOf("context-changes")[0]).toContain("Nothing recorded in the bot since 2026-01-11");
    expect(linesOf("concerns-and-incidents")[0]).toBe("Incidents reported: 2 (previous period: 3, fewer); 1 of them SEV1 or SEV2.");
    expect(linesOf("objectives")).toEqual(expect.arrayContaining(["Objectives due in the period: 1 met, 1 missed.", "Missed: OBJ-0002 OBJ-0002 (4 of 10)"]));
    expect(linesOf("audit-results")).toEqual(["No internal audit results are recorded in the bot yet."]);
    expect(linesOf("register-and-risk")[0]).toBe("AI systems approved: 1 (SYS-0001 Copilot).");
    expect(linesOf("improvement")).toEqual(["Root cause of INC-0002: Prompt lacked the refund policy"]);

    // The reviewer named twice gets one DM; the role's holders on both chats are reviewers; Slack ones were sent.
    const deliveries = await prisma.scheduledDelivery.findMany({ where: { kind: "management-review-inputs" }, orderBy: { id: "asc" } });
    expect(deliveries.map((d) => `${d.channel}:${d.recipientId}`).sort()).toEqual([`slack:${MANAGER}`, `slack:${REVIEWER.id}`, `teams:${TEAMS_MANAGER}`].sort());
    expect(transport.sent.filter((sent) => sent.key.startsWith("management-review-inputs|MR-0001")).map((sent) => sent.recipientId).sort()).toEqual([MANAGER, REVIEWER.id].sort());
    const audit = await prisma.auditEvent.findMany({ where: { entityId: "MR-0001" }, orderBy: { id: "asc" } });
    expect(audit.map((event) => event.action)).toEqual(["management_review.scheduled", "management_review.opened"]);
    expect(audit.every((event) => event.controls.includes("9.3"))).toBe(true);
  });

  it("records decisions and owned actions from reviewers only, reminds the actions, and closes with minutes", async () => {
    expect(await reviews.recordDecision(STRANGER, "MR-0001", { kind: "change", text: "Add a vendor policy" })).toMatchObject({ kind: "forbidden" });
    expect(await reviews.recordDecision(REVIEWER, "MR-0001", { kind: "nonsense", text: "x" })).toMatchObject({ kind: "invalid" });
    const decided = await reviews.recordDecision({ channel: "slack", id: MANAGER }, "MR-0001", { kind: "improvement", text: "Test prompts against the refund policy" });
    expect(decided).toMatchObject({ kind: "decided", decision: { kind: "improvement", controls: ["9.3", "10.1"] } });
    expect(await reviews.addAction(REVIEWER, "MR-0001", { description: "Write prompt tests", ownerId: REVIEWER.id, dueDate: "2027-01-01" })).toMatchObject({
      kind: "invalid",
      errors: { dueDate: "The due date cannot be in the past" },
    });
    const added = await reviews.addAction(REVIEWER, "MR-0001", { description: "Write prompt tests", ownerId: REVIEWER.id, dueDate: "2027-01-20" });
    if (added.kind !== "added") throw new Error(JSON.stringify(added));

    clock.set(at("2027-01-20T10:00:00Z"));
    await scheduling.scheduler.tick();
    const reminder = transport.sent.find((sent) => sent.key.startsWith(`management-review-action|MR-0001/A-${added.action.id}|`));
    expect(reminder?.recipientId).toBe(REVIEWER.id);

    expect(await reviews.close(REVIEWER, "MR-0001", { minutes: "short" })).toMatchObject({ kind: "invalid" });
    const closed = await reviews.close(OWNER, "MR-0001", { minutes: "Attended: Olive, Rhea. Inputs reviewed; one improvement decided." });
    expect(closed).toMatchObject({ kind: "closed", review: { status: "closed", closedById: OWNER.id }, next: null });
    expect(await reviews.recordDecision(OWNER, "MR-0001", { kind: "change", text: "Too late for this" })).toMatchObject({ kind: "refused" });
    // The organiser's reminder for the review is settled by closing it.
    const occurrence = await prisma.dueItemOccurrence.findFirst({ where: { source: "management-review", itemId: "MR-0001" } });
    expect(occurrence?.completedAt).toEqual(at("2027-01-20T10:00:00Z"));
  });

  it("lists previous actions in the next review's inputs, and a capability can replace an input provider by id", async () => {
    reviews.addInputProvider({ id: "audit-results", title: "9.3.2 c) Audit results", collect: async () => ["IA-0001: 1 minor nonconformity"] });
    const next = await reviews.schedule(OWNER, { title: "Q2 review", date: "2027-04-05" }, [REVIEWER]);
    if (next.kind !== "scheduled") throw new Error(JSON.stringify(next));
    clock.set(at("2027-04-05T09:00:00Z"));
    await reviews.openDue(clock.now());
    const inputs = (await reviews.find(next.review.reference))!.inputs as { id: string; lines: string[] }[];
    expect(inputs.find((input) => input.id === "previous-actions")!.lines).toEqual([
      "0 done, 1 open (1 overdue), 0 cancelled.",
      expect.stringMatching(/^MR-0001: Write prompt tests \(owner: .*, due 2027-01-20, overdue\)$/),
    ]);
    expect(inputs.find((input) => input.id === "audit-results")!.lines).toEqual(["IA-0001: 1 minor nonconformity"]);
    expect((await reviews.find(next.review.reference))!.periodStart).toEqual(at("2027-01-11T09:00:30Z"));
  });

  it("schedules the next review at the interval a review migrated from a recurring schedule keeps, at 09:00 local", async () => {
    await prisma.managementReview.update({ where: { reference: "MR-0002" }, data: { intervalMonths: 6, fromSchedule: "REV-0007" } });
    const closed = await reviews.close(REVIEWER, "MR-0002", { minutes: "Attended: Olive, Rhea. Audit results discussed." });
    if (closed.kind !== "closed") throw new Error(JSON.stringify(closed));
    expect(closed.next).toMatchObject({ reference: "MR-0003", status: "scheduled", scheduledAt: at("2027-10-05T08:00:00Z"), intervalMonths: 6, fromSchedule: "REV-0007" });
    // 2027-04-05 09:00 in London is 08:00 UTC (summer time), as is 2027-10-05 09:00.
    expect(nextReviewDay(at("2027-03-01T09:00:00Z"), 6, at("2027-03-01T10:00:00Z"), "Europe/London")).toEqual(at("2027-09-01T08:00:00Z"));
    expect(nextReviewDay(at("2026-01-01T09:00:00Z"), 6, at("2027-03-01T10:00:00Z"), "Europe/London")).toEqual(at("2027-09-01T08:00:00Z"));
    expect(closed.next!.reviewers).toEqual([{ channel: "slack", id: REVIEWER.id, name: REVIEWER.name }]);
  });
});
