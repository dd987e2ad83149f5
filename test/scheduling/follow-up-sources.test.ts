import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/config.js";
import { fixedClock } from "../../src/core/clock.js";
import { EventBus } from "../../src/core/events.js";
import { rolesInDatabase } from "../support/roles.js";
import type { Prisma } from "../../src/db/database.js";
import { ConcernService } from "../../src/features/concerns/concern-service.js";
import { IncidentService } from "../../src/features/incidents/incident-service.js";
import { NonconformityService } from "../../src/features/nonconformities/nonconformity-service.js";
import { PeopleNames } from "../../src/features/people/people-names.js";
import { addRiskFollowUps } from "../../src/features/scheduler/risk-follow-ups.js";
import { createScheduling, type Scheduling } from "../../src/features/scheduler/scheduling-core.js";
import { createLogger } from "../../src/log/logger.js";
import { RecordingTransport } from "./replica.js";
import { openSchedulingDatabase, type SchedulingDatabase } from "./scheduling-database.js";

const TRIAGERS = ["UTRIAGER1", "UTRIAGER2"];
const AIMS_OWNER = "UAIMSOWNER";
const clock = fixedClock(new Date("2027-01-04T10:00:00Z")); // a Monday
const quietLogger = createLogger("warn", new Writable({ write: (_chunk, _encoding, done) => done() }));
let db: SchedulingDatabase;
let prisma: Prisma;
let scheduling: Scheduling;
let concerns: ConcernService;
let incidents: IncidentService;
const transport = new RecordingTransport("replica");

beforeAll(async () => {
  db = await openSchedulingDatabase();
  prisma = db.replicaClient();
  const config = loadConfig({ AIMS_OWNERS: AIMS_OWNER, AIMS_TRIAGERS: TRIAGERS.join(","), AIMS_WORKING_HOURS: "09:00-17:00", SLACK_MANAGERS_CHANNEL: "" });
  const roles = await rolesInDatabase(prisma, clock, { owner: { slack: [AIMS_OWNER] }, triager: { slack: TRIAGERS } });
  const events = new EventBus(prisma, quietLogger);
  concerns = new ConcernService({ prisma, clock, roles, events, settings: config.concerns });
  incidents = new IncidentService({ prisma, clock, roles, events });
  scheduling = createScheduling({ prisma, clock, roles, events, config, logger: quietLogger, instanceId: "replica" });
  addRiskFollowUps(scheduling, { roles, incidents, nonconformities: new NonconformityService({ prisma, clock, roles, events, people: new PeopleNames(prisma) }) });
  scheduling.scheduler.setTransport("slack", transport);
});
afterAll(async () => {
  await db?.close();
});

const slack = (id: string) => ({ channel: "slack" as const, id });
const pendingFor = (itemId: string) =>
  prisma.scheduledDelivery.findMany({ where: { occurrenceKey: { contains: `|${itemId}|` }, status: "pending" }, orderBy: { id: "asc" } });

describe(`concern and corrective action reminders (${process.env.DATABASE_URL ? "PostgreSQL" : "embedded"})`, () => {
  it("reminds every triager of a resolution deadline until one is assigned, then only the assignee", async () => {
    const filed = await concerns.submit(slack("UREPORTER1"), { description: "The model invents policy numbers.", category: "other" }, { submissionKey: "s-1" });
    if (!filed.ok) throw new Error(JSON.stringify(filed.errors));
    const reference = filed.concern.reference;
    const resolution = () => scheduling.reminders.listDue(filed.concern.resolveBy).then((items) => items.find((item) => item.source === "concern-resolution"));
    expect([(await resolution())!.owner.id, ...(await resolution())!.sharedWith!.map((person) => person.id)]).toEqual(TRIAGERS);

    clock.set(new Date(filed.concern.resolveBy.getTime() - 3 * 86400_000 + 21 * 3600_000)); // 3 days before, 21:00: outside working hours
    await scheduling.scheduler.enqueueDue();
    expect((await pendingFor(reference)).map((delivery) => delivery.recipientId).filter((id) => TRIAGERS.includes(id))).toHaveLength(2);

    expect((await concerns.acknowledge(slack(TRIAGERS[0]!), reference)).kind).toBe("done");
    expect((await concerns.assign(slack(TRIAGERS[0]!), reference, slack(TRIAGERS[1]!))).kind).toBe("done");
    expect((await pendingFor(reference)).filter((delivery) => delivery.occurrenceKey!.startsWith("concern-resolution"))).toEqual([]);
    const assigned = (await resolution())!;
    expect([assigned.owner.id, assigned.sharedWith]).toEqual([TRIAGERS[1], []]);

    clock.set(new Date(filed.concern.resolveBy.getTime() + 10 * 3600_000)); // the day itself, 10:00
    await scheduling.scheduler.tick();
    const resolutionSends = transport.sent.filter((send) => send.key.startsWith(`concern-resolution|${reference}|`));
    expect(resolutionSends.map((send) => [send.key.split("|")[3], send.recipientId])).toEqual([["due", TRIAGERS[1]]]);
    expect(JSON.stringify(resolutionSends)).not.toContain("policy numbers");
  });

  it("lists concern deadlines only to triagers and AIMS owners", async () => {
    const filed = await concerns.submit(slack("UREPORTER2"), { description: "Hiring model favours one group.", category: "bias" }, { submissionKey: "s-visibility" });
    if (!filed.ok) throw new Error(JSON.stringify(filed.errors));
    const concernItems = async (viewer: string) =>
      (await scheduling.reviews.dueWithin(60, slack(viewer))).filter((item) => item.itemId === filed.concern.reference);
    expect(await concernItems("UEMPLOYEE9")).toEqual([]);
    expect((await concernItems(TRIAGERS[0]!)).length).toBeGreaterThan(0);
    expect((await concernItems(AIMS_OWNER)).length).toBeGreaterThan(0);
  });

  it("stops a corrective action's reminders when it is cancelled on the incident, and refuses strangers", async () => {
    const reported = await incidents.report(
      slack("UREPORTER1"),
      { title: "Wrong answers", aiSystemOther: "Chatbot", description: "The chatbot gave wrong answers.", detectedAt: clock.now().toISOString(), severity: "sev4", harmedParties: ["organisation"], containment: "None yet", externalReporting: [] },
      "incident-1",
    );
    if (!reported.ok) throw new Error(JSON.stringify(reported.errors));
    const added = await incidents.addCorrectiveAction(slack("UREPORTER1"), reported.incident.reference, {
      description: "Fix the prompt",
      ownerId: "UACTIONOWN1",
      dueDate: new Date(clock.now().getTime() + 5 * 86400_000).toISOString().slice(0, 10),
    });
    if (added.kind !== "added") throw new Error(JSON.stringify(added));
    const itemId = `${reported.incident.reference}/CA-${added.action.id}`;
    clock.set(new Date(added.action.dueDate.getTime() - 3 * 86400_000 + 21 * 3600_000)); // 21:00: outside working hours
    await scheduling.scheduler.enqueueDue();
    expect(await pendingFor(itemId)).toHaveLength(1);

    expect(await incidents.setCorrectiveActionStatus(slack("USTRANGER1"), added.action.id, "cancelled")).toMatchObject({ kind: "forbidden" });
    expect(await incidents.reassignCorrectiveAction(slack("USTRANGER1"), added.action.id, slack("UOTHER0001"))).toMatchObject({ kind: "forbidden" });
    expect(await incidents.setCorrectiveActionStatus(slack("UACTIONOWN1"), added.action.id, "cancelled")).toMatchObject({ kind: "updated" });

    expect(await pendingFor(itemId)).toEqual([]);
    const occurrence = await prisma.dueItemOccurrence.findFirstOrThrow({ where: { itemId } });
    expect(occurrence).toMatchObject({ completedById: "UACTIONOWN1", evidenceNote: "Corrective action cancelled" });
    expect(await scheduling.reminders.find(`corrective-action|${itemId}|${added.action.dueDate.toISOString()}`)).toBeNull();
  });
});
