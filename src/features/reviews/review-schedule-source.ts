import { DateTime } from "luxon";
import type { ReviewSchedule } from "../../db/generated/client.js";
import type { DueItem, DueItemSource } from "../reminders/due-item.js";

export const REVIEW_SOURCE = "review";

export function reviewToDueItem(schedule: ReviewSchedule): DueItem {
  return {
    source: REVIEW_SOURCE,
    itemId: schedule.reference,
    title: schedule.title,
    dueAt: schedule.nextDueAt,
    owner: { channel: schedule.ownerChannel, id: schedule.ownerId, name: schedule.ownerName },
    controls: schedule.controls,
    kind: "task",
  };
}

/** The next due date after completing at `at`: the same calendar rhythm, or a full interval from now if long overdue. */
export function nextReviewDue(dueAt: Date, intervalMonths: number, at: Date): Date {
  const onRhythm = DateTime.fromJSDate(dueAt, { zone: "UTC" }).plus({ months: intervalMonths });
  return (onRhythm.toJSDate() > at ? onRhythm : DateTime.fromJSDate(at, { zone: "UTC" }).plus({ months: intervalMonths })).toJSDate();
}

/** Active review schedules (AI policy, internal audit, management review ...). */
export const reviewScheduleSource: DueItemSource = {
  name: REVIEW_SOURCE,
  async listDue(db, until) {
    const schedules = await db.reviewSchedule.findMany({ where: { active: true, nextDueAt: { lte: until } }, orderBy: { nextDueAt: "asc" } });
    return schedules.map(reviewToDueItem);
  },
  async find(db, itemId) {
    const schedule = await db.reviewSchedule.findUnique({ where: { reference: itemId } });
    return schedule?.active ? reviewToDueItem(schedule) : null;
  },
  async complete(tx, item, at) {
    const schedule = await tx.reviewSchedule.findUnique({ where: { reference: item.itemId } });
    if (!schedule) return false;
    const { count } = await tx.reviewSchedule.updateMany({
      where: { reference: item.itemId, nextDueAt: item.dueAt },
      data: { nextDueAt: nextReviewDue(item.dueAt, schedule.intervalMonths, at) },
    });
    return count === 1;
  },
  async reassign(tx, item, owner) {
    const { count } = await tx.reviewSchedule.updateMany({
      where: { reference: item.itemId, ownerChannel: item.owner.channel, ownerId: item.owner.id },
      data: { ownerChannel: owner.channel, ownerId: owner.id, ownerName: owner.name ?? null },
    });
    return count === 1;
  },
};
