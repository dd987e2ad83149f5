import type { Actor } from "../../core/actor.js";
import { recordAudit } from "../../core/audit.js";
import type { Clock } from "../../core/clock.js";
import type { Roles } from "../../core/roles.js";
import type { Prisma } from "../../db/database.js";
import { latestCronFire } from "../scheduler/cron-fires.js";
import type { NewDelivery, Recipient } from "../scheduler/delivery.js";
import type { DueScan } from "../scheduler/scheduler.js";
import { buildDigestReport, countsOf, type DigestCounts, type DigestReport } from "./digest-report.js";
import type { DigestSection } from "./digest-section.js";

export interface DigestSettings {
  cron: string;
  timezone: string;
  waitingDays: number;
  catchUpMs: number;
  /** The managers' conversations the digest is posted to (one per channel); no digest is sent without one. */
  destinations?: readonly Recipient[];
}

export type DigestPayload = { type: "digest"; report: DigestReport };

const WEEK_MS = 7 * 86400_000;
const DIGEST_CONTROLS = ["9.1", "9.3"] as const;

/**
 * The weekly manager digest (9.1 monitoring, 9.3 management review input). Each cron firing is one DigestRun row
 * (unique on the firing time) plus one delivery, written in one transaction, so replicas post it exactly once.
 */
export class DigestService implements DueScan {
  readonly name = "digest";
  private readonly sections: DigestSection[];

  constructor(private readonly deps: { prisma: Prisma; clock: Clock; roles: Roles; settings: DigestSettings; sections: readonly DigestSection[] }) {
    this.sections = [...deps.sections];
  }

  addSection(section: DigestSection): void {
    this.sections.push(section);
  }

  mayPreview(actor: Actor): Promise<boolean> {
    return this.deps.roles.has(actor, "manager");
  }

  /** The digest as it would read now; managers only. */
  async preview(actor: Actor): Promise<{ kind: "preview"; report: DigestReport } | { kind: "forbidden"; message: string }> {
    if (!(await this.mayPreview(actor))) return { kind: "forbidden", message: "The digest preview is for managers." };
    const now = this.deps.clock.now();
    const previous = await this.deps.prisma.digestRun.findFirst({ where: { firesAt: { lt: now } }, orderBy: { firesAt: "desc" } });
    return { kind: "preview", report: (await this.generate(now, (previous?.counts as DigestCounts | undefined) ?? null)).report };
  }

  /** Generates the report for the week ending at `to`. */
  async generate(to: Date, previous: DigestCounts | null): Promise<{ report: DigestReport; counts: DigestCounts }> {
    const window = { from: new Date(to.getTime() - WEEK_MS), to, waitingDays: this.deps.settings.waitingDays };
    const sections = [];
    for (const section of this.sections) {
      sections.push({ title: section.title, metrics: await section.collect(this.deps.prisma, window), entries: await section.list?.(this.deps.prisma, window) });
    }
    return { report: buildDigestReport(window, sections, previous), counts: countsOf(sections) };
  }

  async scan(now: Date): Promise<NewDelivery[]> {
    const { settings, prisma, clock } = this.deps;
    const destinations = settings.destinations ?? [];
    if (destinations.length === 0) return [];
    const firesAt = latestCronFire(settings.cron, settings.timezone, now, settings.catchUpMs);
    if (!firesAt || (await prisma.digestRun.findUnique({ where: { firesAt } }))) return [];
    const previous = await prisma.digestRun.findFirst({ where: { firesAt: { lt: firesAt } }, orderBy: { firesAt: "desc" } });
    const { report, counts } = await this.generate(firesAt, (previous?.counts as DigestCounts | undefined) ?? null);
    const payload: DigestPayload = { type: "digest", report };
    await prisma.$transaction(async (tx) => {
      const { count } = await tx.digestRun.createMany({ data: [{ firesAt, counts }], skipDuplicates: true });
      if (count === 0) return;
      await tx.scheduledDelivery.createMany({
        data: destinations.map((to) => ({ key: digestKey(firesAt, to), kind: "digest", channel: to.channel, recipientId: to.id, payload: payload as never, notBefore: now })),
      });
      const entityId = `digest|${firesAt.toISOString()}`;
      await recordAudit(tx, clock, { actor: null, action: "digest.generated", entityType: "digest", entityId, after: counts, controls: DIGEST_CONTROLS });
    });
    // Already enqueued above, inside the run's transaction; nothing for the scheduler to insert.
    return [];
  }
}

/** One delivery per destination and firing. Slack's key predates Teams digests and stays as it was. */
function digestKey(firesAt: Date, to: Recipient): string {
  const key = `digest|${firesAt.toISOString()}`;
  return to.channel === "slack" ? key : `${key}|${to.channel}`;
}
