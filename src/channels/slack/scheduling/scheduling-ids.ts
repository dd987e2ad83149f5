/** Callback and action ids of reminders, reviews, objectives and the digest. */
export const SCHEDULING_IDS = {
  actions: {
    markDone: "due_mark_done",
    snoozeDay: "due_snooze_day",
    snoozeWeek: "due_snooze_week",
    reassign: "due_reassign",
    checkIn: "objective_check_in",
    addObjective: "objective_add",
    addReview: "review_schedule_add",
    editReview: "review_schedule_edit",
  },
  views: {
    markDone: "due_mark_done_submit",
    reassign: "due_reassign_submit",
    checkIn: "objective_check_in_submit",
    objective: "objective_submit",
    reviewSchedule: "review_schedule_submit",
  },
} as const;
