import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../src/core/clock.js";
import { EventBus } from "../../src/core/events.js";
import type { Prisma } from "../../src/db/database.js";
import { planCampaign } from "../../src/features/policies/campaign-planning.js";
import { CampaignService } from "../../src/features/policies/campaign-service.js";
import { PolicyService } from "../../src/features/policies/policy-service.js";
import { campaignsSection } from "../../src/features/policies/campaigns-section.js";
import { loadTrainingModules } from "../../src/features/training/load-modules.js";
import { TrainingService } from "../../src/features/training/training-service.js";
import { createLogger } from "../../src/log/logger.js";
import { openMigratedDatabase, type MigratedDatabase } from "../evidence/support/migrated-database.js";
import { seedAiSystem } from "../support/register-fixtures.js";
import { organisationIn } from "../support/roles.js";

const clock = fixedClock(new Date("2027-03-01T10:00:00Z"));
const OWNER = { channel: "slack" as const, id: "UOWNER1" };
const PEOPLE = 23;
let db: MigratedDatabase;
let prisma: Prisma;
let campaigns: CampaignService;
let policies: PolicyService;

beforeAll(async () => {
  db = await openMigratedDatabase();
  prisma = db.database.prisma;
  const { people, roles } = await organisationIn(prisma, clock, { owner: { slack: [OWNER.id] } });
  for (let i = 1; i <= PEOPLE; i += 1) await people.observe({ channel: "slack", id: `U${String(i).padStart(4, "0")}`, name: `Person ${i}` });
  // One person with two accounts (the same verified email): asked once, on one of them.
  await people.observe({ channel: "slack", id: "UTWIN", name: "Twin", verifiedEmail: "twin@example.com" });
  await people.observe({ channel: "teams", id: "aad-twin", name: "Twin", verifiedEmail: "twin@example.com" });
  await people.observe({ channel: "slack", id: "UGONE", name: "Leaver", deactivated: { reason: "deactivated in Slack" } });
  const events = new EventBus(prisma, createLogger("silent"));
  policies = new PolicyService({ prisma, clock, roles, events, directory: people });
  const training = new TrainingService({ prisma, clock, roles, events, directory: people, modules: loadTrainingModules(), channels: ["slack", "teams"] });
  campaigns = new CampaignService({ prisma, clock, roles, events, directory: people, policies, training, channels: ["slack", "teams"], zone: "Europe/London", window: { startMinute: 540, endMinute: 1020, weekends: false }, maxSnoozes: 3 });
}, 60_000);
afterAll(async () => {
  await db?.close();
});

describe("planning a campaign", () => {
  it("resumes a planning a crash cut short, page by page, adding and messaging each active person once", async () => {
    const published = await policies.publish(OWNER, { title: "AI policy", summary: "S", body: "B" }, "chat");
    if (published.kind !== "published") throw new Error(published.kind);
    const version = published.version;
    const campaign = await prisma.policyCampaign.create({
      data: {
        versionId: version.id,
        audience: "everyone",
        audienceLabel: "everyone",
        newJoiners: false,
        deadline: new Date("2027-03-10T17:00:00Z"),
        startedByChannel: "slack",
        startedById: OWNER.id,
        startedAt: clock.now(),
        controls: [],
      },
    });
    const payload = { type: "campaign" as const, campaignId: campaign.id, versionId: version.id, title: "AI policy", version: 1, summary: "S", deadline: campaign.deadline.toISOString() };
    // A planner that died after its first page: some people are in, with their deliveries; plannedAt is still empty.
    const first = await prisma.chatIdentity.findMany({ where: { channel: "slack", deactivatedAt: null }, orderBy: { personId: "asc" }, take: 5 });
    const accounts = first.map((identity) => `slack:${identity.externalId}`);
    const partial = await planCampaign(prisma, campaign, { filter: { audience: "role", accounts }, channels: ["slack"], payload, now: clock.now(), late: false });
    expect(partial.added).toBe(5);

    // Two replicas' schedulers resume it at once, in pages of 3.
    const [a, b] = await Promise.all([
      planCampaign(prisma, campaign, { filter: { audience: "everyone" }, channels: ["slack", "teams"], payload, now: clock.now(), late: false, pageSize: 3 }),
      campaigns.planPending(),
    ]);
    const recipients = await prisma.campaignRecipient.findMany({ where: { campaignId: campaign.id } });
    const active = await prisma.$queryRaw<{ n: number }[]>`SELECT count(DISTINCT "personId")::int AS n FROM "ChatIdentity" WHERE "deactivatedAt" IS NULL AND "channel" = 'slack'`;
    expect(recipients).toHaveLength(active[0]!.n);
    expect(partial.added + a.added + b).toBe(recipients.length);
    expect(new Set(recipients.map((recipient) => recipient.personId)).size).toBe(recipients.length);
    expect(recipients.some((recipient) => recipient.externalId === "UGONE")).toBe(false);
    expect(recipients.filter((recipient) => ["UTWIN", "aad-twin"].includes(recipient.externalId))).toHaveLength(1);
    const deliveries = await prisma.scheduledDelivery.findMany({ where: { occurrenceKey: `campaign:${campaign.id}` } });
    expect(deliveries).toHaveLength(recipients.length);
    expect((await prisma.policyCampaign.findUniqueOrThrow({ where: { id: campaign.id } })).plannedAt).toEqual(clock.now());

    // Planning again adds nobody.
    expect(await campaigns.planPending()).toBe(0);
  });

  it("counts campaigns for the weekly digest: people asked, accepted, late after the deadline", async () => {
    const campaign = await prisma.policyCampaign.findFirstOrThrow();
    const asked = await prisma.campaignRecipient.count({ where: { campaignId: campaign.id } });
    const someone = await prisma.campaignRecipient.findFirstOrThrow({ where: { campaignId: campaign.id } });
    expect((await policies.acknowledge({ channel: someone.channel, id: someone.externalId }, campaign.versionId!, campaign.id)).kind).toBe("accepted");
    const week = { from: new Date("2027-02-26T00:00:00Z"), to: new Date("2027-03-05T00:00:00Z"), waitingDays: 3 };
    const metrics = Object.fromEntries((await campaignsSection.collect(prisma, week)).map((metric) => [metric.key, metric.value]));
    expect(metrics).toEqual({ "campaigns.open": 1, "campaigns.recipients": asked, "campaigns.accepted": 1, "campaigns.passed": 0, "campaigns.late": 0, "campaigns.accepted_week": 1, "campaigns.passed_week": 0 });
    const later = await campaignsSection.collect(prisma, { ...week, from: new Date("2027-03-10T00:00:00Z"), to: new Date("2027-03-17T00:00:00Z") });
    expect(later.find((metric) => metric.key === "campaigns.late")?.value).toBe(asked - 1);
  });

  it("plans a system audience page by page: the register's recorded users the bot can reach, each person once", async () => {
    const version = await prisma.policyVersion.findFirstOrThrow();
    const system = await seedAiSystem(prisma, { reference: "AI-0009", name: "Summariser", ownerChannel: "slack", ownerId: OWNER.id });
    const users = ["U0001", "U0002", "U0003", "U0004", "U0005", "UTWIN", "UGONE"];
    await prisma.aiSystemUser.createMany({ data: [...users.map((externalId) => ({ systemId: system.id, channel: "slack" as const, externalId, recordedAt: clock.now() })), { systemId: system.id, channel: "teams", externalId: "aad-twin", recordedAt: clock.now() }] });
    const campaign = await prisma.policyCampaign.create({
      data: { versionId: version.id, audience: "system", systemId: system.id, audienceLabel: "Summariser users", newJoiners: false, deadline: new Date("2027-03-10T17:00:00Z"), startedByChannel: "slack", startedById: OWNER.id, startedAt: clock.now(), controls: [] },
    });
    const payload = { type: "campaign" as const, campaignId: campaign.id, versionId: version.id, title: "AI policy", version: 1, summary: "S", deadline: campaign.deadline.toISOString() };
    const filter = { audience: "system" as const, systemId: system.id };
    const planned = await planCampaign(prisma, campaign, { filter, channels: ["slack", "teams"], payload, now: clock.now(), late: false, pageSize: 2 });
    const recipients = await prisma.campaignRecipient.findMany({ where: { campaignId: campaign.id } });
    expect(planned.added).toBe(6); // five people, the twin once, not the leaver
    const asked = recipients.map((recipient) => recipient.externalId);
    expect(asked).toHaveLength(6);
    expect(asked).toEqual(expect.arrayContaining(["U0001", "U0002", "U0003", "U0004", "U0005"]));
    expect(asked.filter((id) => id === "UTWIN" || id === "aad-twin")).toHaveLength(1);
    // Another system's users, or nobody's, are not in it.
    const other = await planCampaign(prisma, campaign, { filter: { audience: "system", systemId: system.id + 1 }, channels: ["slack"], payload, now: clock.now(), late: false });
    expect(other.added).toBe(0);
  });

  it("sends a training module to the people using an AI system; only a module goes to whom it is assigned; its reminder is not snoozed", async () => {
    const system = await prisma.aiSystem.findFirstOrThrow({ where: { reference: "AI-0009" } });
    const version = await prisma.policyVersion.findFirstOrThrow();
    const form = { audience: "system", systemId: String(system.id), deadline: "2027-03-09" };
    const started = await campaigns.start(OWNER, { ...form, versionId: "module:ai-literacy-basics:1" });
    if (started.kind !== "started") throw new Error(JSON.stringify(started));
    expect(started.campaign).toMatchObject({ versionId: null, moduleId: "ai-literacy-basics", moduleVersion: 1, audience: "system", systemId: system.id });
    expect(started.campaign.subject.kind).toBe("module");
    expect(started.recipients).toBe(6);
    const assigned = await campaigns.start(OWNER, { versionId: String(version.id), audience: "assigned", deadline: "2027-03-09" });
    expect(assigned).toMatchObject({ kind: "invalid", errors: { audience: expect.stringContaining("Only a training module") } });
    const snooze = await campaigns.snoozeReminder({ channel: "slack", id: "U0001" }, started.campaign.id, "day");
    expect(snooze).toMatchObject({ kind: "refused", message: expect.stringContaining("training reminder cannot be snoozed") });
  });
});
