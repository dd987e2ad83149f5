import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { fixedClock } from "../../src/core/clock.js";
import type { Prisma } from "../../src/db/database.js";
import { openSchedulingDatabase, type SchedulingDatabase } from "./scheduling-database.js";
import { AIMS_OWNER, MANAGERS_CHANNEL, RecordingTransport, startReplica } from "./replica.js";

const DAY = 86400_000;
let db: SchedulingDatabase;
let prisma: Prisma;

beforeAll(async () => {
  db = await openSchedulingDatabase();
  prisma = db.replicaClient();
});
afterAll(async () => {
  await db?.close();
});
beforeEach(async () => {
  await prisma.$executeRawUnsafe(`TRUNCATE "ScheduledDelivery", "DueItemOccurrence", "ReviewSchedule", "DigestRun" RESTART IDENTITY`);
});

async function seedReviews(count: number, dueAt: Date) {
  await prisma.reviewSchedule.createMany({
    data: Array.from({ length: count }, (_, i) => ({
      reference: `REV-${String(i + 1).padStart(4, "0")}`,
      kind: "internal_audit" as const,
      title: `Internal audit ${i + 1}`,
      ownerChannel: "slack" as const,
      ownerId: `UOWNER${i % 7}`,
      intervalMonths: 12,
      nextDueAt: dueAt,
      controls: ["9.2"],
    })),
  });
}

/** Reminder tests switch the digest off (no managers channel) so only reminders are sent. */
const NO_DIGEST = { SLACK_MANAGERS_CHANNEL: "" };

const countBy = (keys: string[]) => keys.reduce((counts, key) => counts.set(key, (counts.get(key) ?? 0) + 1), new Map<string, number>());

describe(`two scheduler replicas on one database (${process.env.DATABASE_URL ? "PostgreSQL" : "embedded"})`, () => {
  it("send every reminder and escalation exactly once", async () => {
    const dueAt = new Date("2026-05-04T09:00:00Z");
    await seedReviews(40, dueAt);
    const clock = fixedClock(new Date("2026-05-01T09:30:00Z"));
    const transport = new RecordingTransport("none");
    const a = await startReplica("replica-a", db.replicaClient(), clock, transport, NO_DIGEST);
    const b = await startReplica("replica-b", db.replicaClient(), clock, transport, NO_DIGEST);

    // Three days before: the "before-3" reminder for each of the 40 reviews.
    await Promise.all([a.scheduler.tick(), b.scheduler.tick(), a.scheduler.tick(), b.scheduler.tick()]);
    // A day after the due date the owner hears it is overdue; after the 3-day grace period the AIMS owner is told.
    clock.set(new Date(dueAt.getTime() + DAY + 60_000));
    await Promise.all([a.scheduler.tick(), b.scheduler.tick()]);
    clock.set(new Date(dueAt.getTime() + 3 * DAY + 60_000));
    await Promise.all([a.scheduler.tick(), b.scheduler.tick()]);
    await Promise.all([a.scheduler.tick(), b.scheduler.tick()]);

    const counts = countBy(transport.keys());
    expect([...counts.values()].every((count) => count === 1)).toBe(true);
    const stages = [...counts.keys()].map((key) => key.split("|")[3]);
    expect(stages.filter((stage) => stage === "before-3")).toHaveLength(40);
    expect(stages.filter((stage) => stage === "overdue")).toHaveLength(40);
    expect(stages.filter((stage) => stage === "escalation")).toHaveLength(40);
    expect(transport.sent.filter((send) => send.recipientId === AIMS_OWNER)).toHaveLength(40);
    const rows = await prisma.scheduledDelivery.groupBy({ by: ["status"], _count: { _all: true } });
    expect(rows).toEqual([{ status: "sent", _count: { _all: 120 } }]);
  });

  it("retry a delivery once when a replica crashes between claiming and sending it", async () => {
    await seedReviews(1, new Date("2026-05-04T09:00:00Z"));
    const clock = fixedClock(new Date("2026-05-04T09:05:00Z"));
    const transport = new RecordingTransport("none");
    const crashing = await startReplica("replica-crashing", db.replicaClient(), clock, transport, NO_DIGEST);
    const survivor = await startReplica("replica-survivor", db.replicaClient(), clock, transport, NO_DIGEST);

    // The crashing replica enqueues and claims, then dies before it sends.
    await crashing.scheduler.enqueueDue();
    expect(await crashing.scheduler.claim()).toHaveLength(1);

    // While the lease holds, the survivor leaves the delivery alone; once it expires, the survivor sends it once.
    await survivor.scheduler.tick();
    expect(transport.sent).toHaveLength(0);
    clock.advance(5 * 60_000 + 1);
    await survivor.scheduler.tick();
    await survivor.scheduler.tick();
    expect(transport.sent).toHaveLength(1);
    expect(transport.sent[0]).toMatchObject({ by: "replica-survivor" });
    const row = await prisma.scheduledDelivery.findUniqueOrThrow({ where: { key: transport.sent[0]!.key } });
    expect(row).toMatchObject({ status: "sent", attempts: 2, leasedBy: "replica-survivor" });
  });

  it("catch up after downtime with the latest reminder only, and drop reminders older than the window", async () => {
    await seedReviews(3, new Date("2026-06-10T09:00:00Z"));
    const transport = new RecordingTransport("none");
    // Down since before the 14-day reminder; back up one day before the due date with a 72-hour window.
    const clock = fixedClock(new Date("2026-06-09T09:00:00Z"));
    const replica = await startReplica("replica-a", db.replicaClient(), clock, transport, NO_DIGEST);
    await replica.scheduler.tick();
    expect(transport.keys().map((key) => key.split("|")[3])).toEqual(["before-3", "before-3", "before-3"]);

    // A replica with a 12-hour window that comes back after the same downtime sends nothing old.
    await prisma.$executeRawUnsafe(`TRUNCATE "ScheduledDelivery"`);
    const strict = await startReplica("replica-b", db.replicaClient(), clock, new RecordingTransport("none"), { ...NO_DIGEST, AIMS_CATCH_UP_HOURS: "12" });
    const report = await strict.scheduler.tick();
    expect(report).toMatchObject({ enqueued: 0, sent: 0 });
  });

  it("post each weekly digest once, with last week's counts as the baseline", async () => {
    const transport = new RecordingTransport("none");
    const clock = fixedClock(new Date("2026-06-08T08:00:10Z")); // Monday 09:00 BST
    const a = await startReplica("replica-a", db.replicaClient(), clock, transport);
    const b = await startReplica("replica-b", db.replicaClient(), clock, transport);
    await Promise.all([a.scheduler.tick(), b.scheduler.tick(), a.scheduler.tick()]);
    await seedReviews(2, new Date("2026-06-01T09:00:00Z"));
    clock.set(new Date("2026-06-15T08:03:00Z"));
    await Promise.all([a.scheduler.tick(), b.scheduler.tick()]);

    const digests = transport.sent.filter((send) => send.recipientId === MANAGERS_CHANNEL);
    expect(digests.map((send) => send.key)).toEqual(["digest|2026-06-08T08:00:00.000Z", "digest|2026-06-15T08:00:00.000Z"]);
    const second = (digests[1]!.payload as { report: { sections: { lines: { key: string; value: number; change: number | null }[] }[] } }).report;
    const overdue = second.sections.flatMap((section) => section.lines).find((line) => line.key === "reviews.scheduled_overdue");
    expect(overdue).toEqual(expect.objectContaining({ value: 2, change: 2 }));
  });
});
