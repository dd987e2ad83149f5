import type { SlackContext } from "../../context.js";
import { parseOccurrenceKey } from "../../../../features/reminders/due-item.js";
import { submissionListener } from "./submission.js";

export function objectiveSubmission(ctx: SlackContext) {
  return submissionListener(ctx, "title", async (actor, values) => {
    const result = await ctx.core.scheduling.objectives.add(actor, values);
    if (result.kind === "invalid") return { errors: result.errors };
    if (result.kind === "forbidden") return { errors: { title: result.message } };
    return { done: `Added objective ${result.objective.reference}: ${result.objective.title}. <@${result.objective.ownerId}> will get a ${result.objective.cadence} check-in.` };
  });
}

export function checkInSubmission(ctx: SlackContext) {
  return submissionListener(ctx, "progress", async (actor, values, key) => {
    const parsed = parseOccurrenceKey(key);
    if (!parsed) return { errors: { progress: "That check-in is out of date." } };
    const result = await ctx.core.scheduling.objectives.checkIn(actor, parsed.itemId, values, parsed.dueAt);
    if (result.kind === "invalid") return { errors: result.errors };
    if ("message" in result) return { errors: { progress: result.message } };
    if (result.kind === "already_recorded") return { done: `This check-in on ${result.objective.reference} was already recorded.` };
    return { done: `Recorded progress on ${result.objective.reference}: ${result.checkIn.value} of ${result.objective.targetValue}.` };
  });
}

export function reviewScheduleSubmission(ctx: SlackContext) {
  return submissionListener(ctx, "title", async (actor, values, reference) => {
    const result = await ctx.core.scheduling.reviews.saveSchedule(actor, values, reference || undefined);
    if (result.kind === "invalid") return { errors: result.errors };
    if (result.kind !== "saved") return { errors: { title: result.message } };
    const verb = result.created ? "Added" : "Updated";
    return { done: `${verb} review schedule ${result.schedule.reference}: ${result.schedule.title}, next due ${result.schedule.nextDueAt.toISOString().slice(0, 10)}.` };
  });
}
