import type { Actor } from "../../core/actor.js";
import { recordAudit } from "../../core/audit.js";
import type { Clock } from "../../core/clock.js";
import { nextReference } from "../../core/references.js";
import type { Roles } from "../../core/roles.js";
import type { Prisma } from "../../db/database.js";
import type { ReviewSchedule } from "../../db/generated/client.js";
import type { PeopleNames } from "../people/people-names.js";
import type { DueItem } from "../reminders/due-item.js";
import { dueStatus, type DueStatus } from "../reminders/due-status.js";
import type { ReminderService } from "../reminders/reminder-service.js";
import { parseReviewSchedule, type ReviewFieldErrors } from "./review-form.js";
import { REVIEW_KINDS } from "./review-kinds.js";

export type SaveScheduleResult =
  | { kind: "saved"; schedule: ReviewSchedule; created: boolean }
  | { kind: "invalid"; errors: ReviewFieldErrors }
  | { kind: "forbidden" | "not_found"; message: string };

const DAY_MS = 86400_000;

/** A due item as lists show it: with where its due date stands today. */
export type DueListing = DueItem & { status: DueStatus };

export const SCHEDULE_EDITORS_ONLY = "Only AIMS owners can add or change review schedules.";
export const noSuchSchedule = (reference: string) => `There is no review schedule ${reference}.`;

/** Recurring reviews (A.2.4 policy review, 9.2 internal audit, 9.3 management review) and what is due across sources. */
export class ReviewService {
  constructor(private readonly deps: { prisma: Prisma; clock: Clock; roles: Roles; reminders: ReminderService; people: PeopleNames; zone: string }) {}

  mayEditSchedules(actor: Actor): Promise<boolean> {
    return this.deps.roles.has(actor, "owner");
  }

  /**
   * Every open item from every source due within `days`, overdue ones included, that `viewer` may see; days are
   * counted in the organisation's timezone, as reminders count them.
   */
  async dueWithin(days: number, viewer: Pick<Actor, "channel" | "id">): Promise<DueListing[]> {
    const now = this.deps.clock.now();
    const due = await this.deps.reminders.listDue(new Date(now.getTime() + days * DAY_MS));
    const held = await this.deps.roles.rolesOf(viewer);
    return due
      .filter((item) => !item.visibleTo || item.visibleTo.some((role) => held.has(role)))
      .map((item) => ({ ...item, status: dueStatus(item.dueAt, now, this.deps.zone) }));
  }

  async listSchedules(): Promise<ReviewSchedule[]> {
    return this.deps.people.withOwnerNames(await this.deps.prisma.reviewSchedule.findMany({ where: { active: true }, orderBy: { nextDueAt: "asc" } }));
  }

  findSchedule(reference: string): Promise<ReviewSchedule | null> {
    return this.deps.prisma.reviewSchedule.findUnique({ where: { reference } });
  }

  /** Adds a schedule, or changes the one named by `reference`. AIMS owners only. */
  async saveSchedule(actor: Actor, raw: Record<string, unknown>, reference?: string): Promise<SaveScheduleResult> {
    if (!(await this.mayEditSchedules(actor))) return { kind: "forbidden", message: SCHEDULE_EDITORS_ONLY };
    const parsed = parseReviewSchedule(raw);
    if (!parsed.ok) return { kind: "invalid", errors: parsed.errors };
    const { kind, title, ownerId, intervalMonths, nextDueAt } = parsed.input;
    const owner = await this.deps.people.person(actor.channel, ownerId);
    const fields = { kind, title, ownerChannel: owner.channel, ownerId, ownerName: owner.name ?? null, intervalMonths, nextDueAt, controls: [...REVIEW_KINDS[kind].controls] };
    const { prisma, clock } = this.deps;
    return prisma.$transaction(async (tx): Promise<SaveScheduleResult> => {
      const before = reference ? await tx.reviewSchedule.findUnique({ where: { reference } }) : null;
      if (reference && !before) return { kind: "not_found", message: noSuchSchedule(reference) };
      const schedule = before
        ? await tx.reviewSchedule.update({ where: { reference: before.reference }, data: { ...fields, ownerName: fields.ownerName ?? (before.ownerId === ownerId ? before.ownerName : null) } })
        : await tx.reviewSchedule.create({ data: { ...fields, reference: await nextReference(tx, "REV"), createdAt: clock.now() } });
      await recordAudit(tx, clock, {
        actor,
        action: before ? "review_schedule.changed" : "review_schedule.added",
        entityType: "review_schedule",
        entityId: schedule.reference,
        before,
        after: schedule,
        controls: schedule.controls,
      });
      return { kind: "saved", schedule, created: !before };
    });
  }
}
