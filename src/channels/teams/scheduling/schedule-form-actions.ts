import { FIX_MARKED_ANSWERS } from "../../../conversation/reply.js";
import type { CardActionHandler } from "../actions/card-action.js";
import { cardResponse, messageResponse } from "../cards/adaptive-card.js";
import { formatDate } from "../cards/text.js";
import { failureMessage } from "../reply.js";
import { OBJECTIVE_FORM_FIELDS, objectiveForm, readForm, REVIEW_FORM_FIELDS, reviewScheduleForm } from "./cards/schedule-forms.js";
import { outcomeCard } from "./cards/reminder-card.js";

/** "Save" on the review schedule form: invalid input comes back as the form, errors under their fields. */
export const saveReviewSchedule: CardActionHandler = async ({ ctx, actor, data }) => {
  const values = readForm(data, REVIEW_FORM_FIELDS);
  try {
    const result = await ctx.core.scheduling.reviews.saveSchedule(actor, values);
    if (result.kind === "invalid") return cardResponse(reviewScheduleForm(values, result.errors, FIX_MARKED_ANSWERS));
    if (result.kind !== "saved") return messageResponse(result.message);
    const { schedule } = result;
    return cardResponse(outcomeCard({ itemId: schedule.reference, title: schedule.title }, `Added: every ${schedule.intervalMonths} month(s), next due ${formatDate(schedule.nextDueAt)}. Its owner will be reminded here in Teams.`));
  } catch (error) {
    return cardResponse(reviewScheduleForm(values, {}, failureMessage(error, ctx.logger, { action: "review.schedule.save" })));
  }
};

/** "Add" on the objective form. */
export const saveObjective: CardActionHandler = async ({ ctx, actor, data }) => {
  const values = readForm(data, OBJECTIVE_FORM_FIELDS);
  try {
    const result = await ctx.core.scheduling.objectives.add(actor, values);
    if (result.kind === "invalid") return cardResponse(objectiveForm(values, result.errors, FIX_MARKED_ANSWERS));
    if (result.kind === "forbidden") return messageResponse(result.message);
    const { objective } = result;
    return cardResponse(outcomeCard({ itemId: objective.reference, title: objective.title }, `Added, with a ${objective.cadence} check-in for its owner; first on ${formatDate(objective.nextCheckInAt)}.`));
  } catch (error) {
    return cardResponse(objectiveForm(values, {}, failureMessage(error, ctx.logger, { action: "objective.save" })));
  }
};
