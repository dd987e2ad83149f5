import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../src/core/actor.js";
import { fixedClock } from "../../src/core/clock.js";
import type { Core } from "../../src/app/core.js";
import { sealPending } from "../../src/features/audit-trail/seal-chain.js";
import { verifyAuditChain } from "../../src/features/audit-trail/verify-chain.js";
import { NO_ACTION_NEEDED } from "../../src/features/incidents/closing-form.js";
import { REMOVED_ID, RetentionService } from "../../src/features/retention/retention-service.js";
import { createLogger } from "../../src/log/logger.js";
import { OWNERS, startTestAims, type TestAims } from "../support/aims-harness.js";
import { VALID_INCIDENT } from "../support/incident-form-state.js";

const DAY = 86400_000;
const START = new Date("2027-02-01T09:00:00.000Z");
const clock = fixedClock(START);
/** START plus whole calendar years, plus days. */
const later = (years: number, days = 0) => new Date(Date.UTC(START.getUTCFullYear() + years, START.getUTCMonth(), START.getUTCDate(), 9) + days * DAY);
const OWNER: Actor = { channel: "slack", id: OWNERS[0], name: "Olivia Owner" };
const TRIAGER: Actor = { channel: "slack", id: "UTRIAGER1", name: "Tia Triager" };
const REPORTER: Actor = { channel: "slack", id: "UREPORTER1", name: "Rita Reporter" };

let t: TestAims;
let core: Core;

beforeAll(async () => {
  t = await startTestAims({ clock, env: {
      AIMS_TRIAGERS: TRIAGER.id,
      AIMS_RETENTION_CLOSED_CONCERNS_YEARS: "2",
      AIMS_RETENTION_CLOSED_INCIDENTS_YEARS: "3",
      // The test ticks the scheduler itself, at the moments it chooses.
      AIMS_SCHEDULER_ENABLED: "false",
    }, });
  core = t.aims.core;
}, 120_000);
afterAll(async () => {
  await t?.stop();
});

async function concern(key: string, options: { anonymous?: boolean; closed?: boolean } = {}): Promise<string> {
  const filed = await core.concerns.submit(REPORTER, { description: `Concern ${key} about the hiring model.`, category: "bias", anonymous: options.anonymous }, { submissionKey: key });
  if (!filed.ok) throw new Error(JSON.stringify(filed.errors));
  const { reference } = filed.concern;
  if (options.closed) {
    expect(await core.concerns.acknowledge(TRIAGER, reference)).toMatchObject({ kind: "done" });
    expect(await core.concerns.close(TRIAGER, reference, "dismissed", "Not an AI system of ours.")).toMatchObject({ kind: "done" });
  }
  return reference;
}

async function incident(key: string, options: { closed?: boolean } = {}): Promise<string> {
  const reported = await core.incidents.report(REPORTER, { ...VALID_INCIDENT, detectedAt: clock.now().toISOString() }, key);
  if (!reported.ok) throw new Error(JSON.stringify(reported.errors));
  const { reference } = reported.incident;
  expect(await core.incidents.addNote(REPORTER, reference, "Customers were told the wrong refund period.")).toMatchObject({ kind: "added" });
  if (options.closed) {
    for (const status of ["investigating", "mitigated", "resolved"] as const) await core.incidents.changeStatus(OWNER, reference, status);
    const closed = await core.incidents.close(OWNER, reference, { rootCause: "The prompt lacked the refund policy.", noActionNeeded: [NO_ACTION_NEEDED], noActionReason: "Template withdrawn." });
    expect(closed).toMatchObject({ kind: "closed" });
  }
  return reference;
}

const retentionRuns = () => core.prisma.auditEvent.findMany({ where: { action: "retention.applied" }, orderBy: { id: "asc" } });
const eventsOf = (entityType: string, entityId: string) => core.prisma.auditEvent.findMany({ where: { entityType, entityId }, orderBy: { id: "asc" } });

describe("retention periods, applied by the scheduler once a day", () => {
  it("deletes closed concerns and pseudonymises closed incidents past their period, erases their audit events' personal data, and nothing else", async () => {
    const closedEarly = await concern("c-1", { closed: true });
    const anonymousClosed = await concern("c-2", { anonymous: true, closed: true });
    const open = await concern("c-3");
    const incidentClosed = await incident("i-1", { closed: true });
    const incidentOpen = await incident("i-2");
    clock.set(later(1));
    const closedLater = await concern("c-4", { closed: true });

    // Two years after the first closures, less a day: nothing is due yet.
    clock.set(later(2, -1));
    await core.scheduling.scheduler.tick();
    expect(await core.prisma.concern.count()).toBe(4);
    expect((await retentionRuns()).at(-1)?.after).toMatchObject({ closedConcernsDeleted: 0, closedIncidentsPseudonymised: 0 });

    // The next day: the two concerns closed two years ago go; their audit events stay, without reporter or triager.
    clock.set(later(2, 1));
    await core.scheduling.scheduler.tick();
    expect((await core.prisma.concern.findMany({ orderBy: { id: "asc" } })).map((row) => row.reference)).toEqual([open, closedLater]);
    expect(await core.prisma.concernMessage.count({ where: { concern: { reference: { in: [closedEarly, anonymousClosed] } } } })).toBe(0);
    const concernEvents = await eventsOf("concern", closedEarly);
    expect(concernEvents.length).toBeGreaterThanOrEqual(3);
    for (const trace of [REPORTER.id, REPORTER.name!, TRIAGER.id, TRIAGER.name!]) expect(JSON.stringify(concernEvents)).not.toContain(trace);
    expect(JSON.stringify(await eventsOf("concern", open))).toContain(REPORTER.name);
    const runs = await retentionRuns();
    expect(runs.at(-1)?.after).toMatchObject({ closedConcernsDeleted: 2, closedIncidentsPseudonymised: 0 });

    // Later the same day, and from any replica: the day's run is done.
    await core.scheduling.scheduler.tick();
    expect(await core.scheduling.retention.applyFor(clock.now())).toBeNull();
    expect(await retentionRuns()).toHaveLength(runs.length);

    // Three years on: the closed incident loses who was involved and keeps what happened; the open one is untouched.
    clock.set(later(3, 1));
    await core.scheduling.scheduler.tick();
    const pseudonymised = await core.prisma.incident.findUniqueOrThrow({ where: { reference: incidentClosed }, include: { timeline: true } });
    expect(pseudonymised).toMatchObject({ reporterId: REMOVED_ID, reporterName: null, title: VALID_INCIDENT.title, rootCause: "The prompt lacked the refund policy." });
    expect(pseudonymised.timeline.map((entry) => [entry.authorId, entry.authorName])).toEqual(pseudonymised.timeline.map(() => [REMOVED_ID, null]));
    expect(JSON.stringify(await eventsOf("incident", incidentClosed))).not.toContain(REPORTER.id);
    expect(await core.prisma.incident.findUniqueOrThrow({ where: { reference: incidentOpen } })).toMatchObject({ reporterId: REPORTER.id, reporterName: REPORTER.name });
    expect(JSON.stringify(await eventsOf("incident", incidentOpen))).toContain(REPORTER.id);
    expect((await retentionRuns()).at(-1)?.after).toMatchObject({ closedConcernsDeleted: 1, closedIncidentsPseudonymised: 1 });
    expect((await core.prisma.concern.findMany()).map((row) => row.reference)).toEqual([open]);

    await sealPending(core.prisma, { wait: true });
    expect(await verifyAuditChain(core.prisma)).toMatchObject({ ok: true });
  });

  it("runs once a day however many replicas apply it at the same moment", async () => {
    clock.set(later(4, 2));
    const settings = { closedConcernsYears: 2, closedIncidentsYears: 3 };
    const replicas = [1, 2, 3].map(() => new RetentionService({ prisma: core.prisma, clock, settings, logger: createLogger("silent") }));
    const results = await Promise.all(replicas.map((replica) => replica.applyFor(clock.now())));
    expect(results.filter((counts) => counts !== null)).toEqual([{ closedConcernsDeleted: 0, closedIncidentsPseudonymised: 0, auditEventsErased: 0 }]);
    expect(await core.prisma.retentionRun.count({ where: { day: new Date(`${clock.now().toISOString().slice(0, 10)}T00:00:00.000Z`) } })).toBe(1);
  });
});
