import type { SlackContext } from "../../context.js";
import { reviewScheduleModal } from "../blocks/modals.js";
import { buttonListener } from "./action-args.js";

/** "Add review schedule" (value "new") and "Edit" (value = the schedule's reference), for AIMS owners. */
export function reviewScheduleButton(ctx: SlackContext) {
  return buttonListener(ctx, "review.schedule", async (actor, value) => {
    const { reviews } = ctx.core.scheduling;
    if (!(await reviews.mayEditSchedules(actor))) return "Only AIMS owners can add or change review schedules.";
    if (value === "new") return reviewScheduleModal();
    const schedule = await reviews.findSchedule(value);
    return schedule ? reviewScheduleModal(schedule) : `There is no review schedule ${value}.`;
  });
}
