import type { CardActionHandler } from "../actions/card-action.js";
import { recordCheckIn } from "./check-in-action.js";
import { markDone, reassign, snooze } from "./due-item-actions.js";
import { saveObjective, saveReviewSchedule } from "./schedule-form-actions.js";
import { SCHEDULING_VERBS } from "./scheduling-verbs.js";

/** Every reminder, check-in and schedule form button, by verb. */
export const SCHEDULING_ACTIONS: Record<(typeof SCHEDULING_VERBS)[keyof typeof SCHEDULING_VERBS], CardActionHandler> = {
  [SCHEDULING_VERBS.markDone]: markDone,
  [SCHEDULING_VERBS.snooze]: snooze,
  [SCHEDULING_VERBS.reassign]: reassign,
  [SCHEDULING_VERBS.checkIn]: recordCheckIn,
  [SCHEDULING_VERBS.saveReview]: saveReviewSchedule,
  [SCHEDULING_VERBS.saveObjective]: saveObjective,
};
