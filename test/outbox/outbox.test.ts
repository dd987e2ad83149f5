import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DELIVERY_LEASE_MS, DELIVERY_MAX_HOLD_MS, EventBus } from "../../src/core/events.js";
import { MAX_DELIVERY_ATTEMPTS } from "../../src/core/outbox/retry-policy.js";
import type { Prisma } from "../../src/db/database.js";
import type { AiToolRequest } from "../../src/db/generated/client.js";
import { createLogger } from "../../src/log/logger.js";
import { eventually } from "../support/eventually.js";
import { openSchedulingDatabase, type SchedulingDatabase } from "../scheduling/scheduling-database.js";

const MINUTE = 60_000;
let db: SchedulingDatabase;
let prisma: Prisma;
let now: Date;
const transportTime = () => new Date(now);

beforeAll(async () => {
  db = await openSchedulingDatabase();
  prisma = db.replicaClient();
});
afterAll(async () => {
  await db?.close();
});
beforeEach(async () => {
  now = new Date("2030-01-01T12:00:00.000Z");
  await prisma.$executeRawUnsafe(`TRUNCATE "OutboxDelivery" RESTART IDENTITY`);
});

const submitted = (reference: string) => ({ request: { reference, createdAt: new Date("2030-01-01T11:00:00.000Z") } as AiToolRequest });

/**
 * A replica's bus with one subscriber that records what it started telling and what it told, fails while `failing`
 * says so, and waits for `slackAnswers` before its message counts as told.
 */
function replica(client: Prisma, subscriber = "test", failing: (reference: string) => boolean = () => false, slackAnswers: Promise<void> = Promise.resolve()) {
  const bus = new EventBus(client, createLogger("silent"), { now: transportTime });
  const started: string[] = [];
  const told: { reference: string; createdAt: Date }[] = [];
  bus.subscriber(subscriber).on("request.submitted", async ({ request }) => {
    if (failing(request.reference)) throw new Error(`Slack refused ${request.reference}`);
    started.push(request.reference);
    await slackAnswers;
    told.push({ reference: request.reference, createdAt: request.createdAt });
  });
  return { bus, started, told };
}

async function record(bus: EventBus, client: Prisma, reference: string) {
  await client.$transaction((tx) => bus.record(tx, "request.submitted", submitted(reference), reference));
}

describe("the outbox", () => {
  it("delivers what a committed transaction recorded, once, and nothing of a rolled-back one", async () => {
    const { bus, told } = replica(prisma);
    await expect(
      prisma.$transaction(async (tx) => {
        await bus.record(tx, "request.submitted", submitted("REQ-0001"), "REQ-0001");
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    await record(bus, prisma, "REQ-0002");

    await bus.deliverPending();
    await bus.deliverPending();
    expect(told).toEqual([{ reference: "REQ-0002", createdAt: new Date("2030-01-01T11:00:00.000Z") }]);
    expect(await prisma.outboxDelivery.count()).toBe(0);
  });

  it("tries a failed delivery again after a back-off, and keeps one record's deliveries in order", async () => {
    let slackDown = true;
    const { bus, told } = replica(prisma, "test", (reference) => slackDown && reference === "REQ-0003");
    await record(bus, prisma, "REQ-0003");
    await record(bus, prisma, "REQ-0004");
    await prisma.$transaction((tx) => bus.record(tx, "request.submitted", submitted("REQ-0003"), "REQ-0003"));

    await bus.deliverPending();
    expect(told.map((t) => t.reference)).toEqual(["REQ-0004"]);
    const waiting = await prisma.outboxDelivery.findMany({ orderBy: { id: "asc" } });
    expect(waiting).toHaveLength(2);
    expect(waiting[0]).toMatchObject({ attempts: 1, lastError: "Slack refused REQ-0003" });
    expect(waiting[0].availableAt!.getTime()).toBeGreaterThan(now.getTime());
    expect(waiting[1].attempts).toBe(0);

    slackDown = false;
    await bus.deliverPending();
    expect(told.map((t) => t.reference)).toEqual(["REQ-0004"]);

    now = new Date(now.getTime() + 10 * MINUTE);
    await bus.deliverPending();
    expect(told.map((t) => t.reference)).toEqual(["REQ-0004", "REQ-0003", "REQ-0003"]);
    expect(await prisma.outboxDelivery.count()).toBe(0);
  });

  it("gives a delivery up after its last attempt and keeps it, failed, for the operator", async () => {
    const { bus, told } = replica(prisma, "test", () => true);
    await record(bus, prisma, "REQ-0005");
    for (let attempt = 0; attempt < MAX_DELIVERY_ATTEMPTS + 2; attempt++) {
      await bus.deliverPending();
      now = new Date(now.getTime() + 10 * MINUTE);
    }
    expect(told).toEqual([]);
    expect(await prisma.outboxDelivery.findMany()).toEqual([expect.objectContaining({ status: "failed", attempts: MAX_DELIVERY_ATTEMPTS })]);
  });

  it("runs each delivery exactly once when two replicas deliver at the same time", async () => {
    const first = replica(db.replicaClient());
    const second = replica(db.replicaClient());
    const references = Array.from({ length: 120 }, (_, i) => `REQ-${String(i + 1).padStart(4, "0")}`);
    await prisma.$transaction(async (tx) => {
      for (const reference of references) await first.bus.record(tx, "request.submitted", submitted(reference), reference);
    });

    await Promise.all([first.bus.deliverPending(), second.bus.deliverPending(), first.bus.deliverPending(), second.bus.deliverPending()]);
    const told = [...first.told, ...second.told].map((t) => t.reference).sort();
    expect(told).toEqual(references);
    expect(await prisma.outboxDelivery.count()).toBe(0);
  });

  it("leaves a delivery for a handler it does not have to the replicas that have it", async () => {
    const withSlack = replica(prisma, "slack.requests");
    const withoutSlack = replica(prisma, "teams.requests");
    await prisma.$transaction((tx) => withSlack.bus.record(tx, "request.submitted", submitted("REQ-0006"), "REQ-0006"));

    await withoutSlack.bus.deliverPending();
    expect(await prisma.outboxDelivery.count()).toBe(1);
    await withSlack.bus.deliverPending();
    expect(withSlack.told.map((t) => t.reference)).toEqual(["REQ-0006"]);
    expect(withoutSlack.told).toEqual([]);
  });

  it("renews the lease of a delivery still running, so no other replica runs it meanwhile, for up to a minute", async () => {
    let slackAnswers!: () => void;
    const slow = replica(db.replicaClient(), "test", () => false, new Promise((resolve) => (slackAnswers = resolve)));
    const other = replica(db.replicaClient());
    await record(slow.bus, prisma, "REQ-0007");
    const claimedAt = now.getTime();
    const running = slow.bus.deliverPending();
    await eventually(() => expect(slow.started).toEqual(["REQ-0007"]));
    const at = (ms: number) => (now = new Date(claimedAt + ms));

    at(DELIVERY_LEASE_MS * 0.8);
    await slow.bus.renewLeases();
    at(DELIVERY_LEASE_MS * 1.6);
    await other.bus.deliverPending();
    at(DELIVERY_MAX_HOLD_MS - 1000);
    await slow.bus.renewLeases();
    at(DELIVERY_MAX_HOLD_MS + 5000);
    await other.bus.deliverPending();
    expect(other.started).toEqual([]);

    // Past a minute the lease is no longer renewed (a call may never return): once it is over, another replica sends.
    await slow.bus.renewLeases();
    at(DELIVERY_MAX_HOLD_MS + DELIVERY_LEASE_MS);
    await other.bus.deliverPending();
    expect(other.told.map((t) => t.reference)).toEqual(["REQ-0007"]);
    slackAnswers();
    await running;
    expect(slow.told.map((t) => t.reference)).toEqual(["REQ-0007"]);
    expect(await prisma.outboxDelivery.count()).toBe(0);
  });

  it("frees at start what a dead process left leased when no other replica can be running (the embedded database)", async () => {
    const killed = replica(prisma, "test", () => false, new Promise(() => undefined));
    await record(killed.bus, prisma, "REQ-0008");
    void killed.bus.deliverPending();
    await eventually(() => expect(killed.started).toEqual(["REQ-0008"]));

    const beside = replica(prisma);
    await beside.bus.start({ onlyReplica: false });
    beside.bus.stop();
    await beside.bus.drain();
    expect(beside.started).toEqual([]);

    const restarted = replica(prisma);
    await restarted.bus.start({ onlyReplica: true });
    try {
      await eventually(() => expect(restarted.told.map((t) => t.reference)).toEqual(["REQ-0008"]));
      await eventually(async () => expect(await prisma.outboxDelivery.count()).toBe(0));
    } finally {
      restarted.bus.stop();
      await restarted.bus.drain();
    }
  });
});
